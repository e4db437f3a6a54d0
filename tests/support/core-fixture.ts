import { keysFolderFor } from '../../electron/core/platform/paths';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, databaseFileName } from '../../electron/core/app/service';
import type { Clock } from '../../electron/core/platform/clock';
import type { Core } from '../../electron/core/app/service';
import { openDatabase } from '../../electron/core/db/database';
import type { Db } from '../../electron/core/db/database';
import { DatabaseKeyFile, databaseKeyFileName } from '../../electron/core/db/database-keys';
import { silentLogger } from './silent-logger';
import { projectPaths } from '../../electron/launcher/project-paths';

export interface CoreFixture {
  core: Core;
  /** A second connection to core's database file, for tests that look under the contract: opened on first use, with the key in the data folder. */
  readonly db: Db;
  dataDir: string;
  /** Closes the second connection: core re-keys its file (a remote wipe) only while it holds the only one. */
  closeDb(): void;
  dispose(): void;
}

/** A connection to the database of a core that ran in `dataDir`, with the key it keeps there. */
export function openDataFolderDatabase(dataDir: string): Db {
  return openDatabase(join(dataDir, databaseFileName), new DatabaseKeyFile(join(keysFolderFor(dataDir), databaseKeyFileName)).loadOrCreate().current);
}

/**
 * A real core over a real SQLite file in a fresh temporary folder. Its assessor lets decisions leave
 * at once (`undoWindowSeconds` 0) unless a test is about the undo window (null: none chosen, the
 * workstation's default).
 */
export function openTestCore(options: { generatedBatch?: number; clock?: Clock; dataDir?: string; undoWindowSeconds?: number | null } = {}): CoreFixture {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'assessor-core-'));
  const core = createCore({
    dataDir,
    resourcesDir: projectPaths().resources,
    version: 'test',
    logger: silentLogger,
    generatedBatch: options.generatedBatch,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.undoWindowSeconds !== null) value(core.invoke('preferences.set', { patch: { undoWindowSeconds: options.undoWindowSeconds ?? 0 } }));
  let db: Db | null = null;
  return {
    core,
    get db() {
      db ??= openDataFolderDatabase(dataDir);
      return db;
    },
    dataDir,
    closeDb() {
      db?.close();
      db = null;
    },
    dispose() {
      db?.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keysFolderFor(dataDir), { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'assessor-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Unwraps an ok result or fails the test with the error. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Where a downloaded evidence item lies in the data folder (its file name is keyed: see EvidenceAtRest.fileFor). */
export function evidenceFileOf(fixture: Pick<CoreFixture, 'db'>, evidenceId: string): string | null {
  return (fixture.db.prepare('SELECT local_path FROM evidence_items WHERE id = ?').get(evidenceId) as { local_path: string | null } | undefined)?.local_path ?? null;
}
