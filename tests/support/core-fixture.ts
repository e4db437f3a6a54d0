import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/service';
import type { Core } from '../../electron/core/service';
import { openDatabase } from '../../electron/core/db/database';
import type { Db } from '../../electron/core/db/database';
import { silentLogger } from './silent-logger';
import { projectPaths } from '../../electron/launcher/project-paths';

export interface CoreFixture {
  core: Core;
  /** A second connection to core's database file, for tests that look under the contract. */
  db: Db;
  dataDir: string;
  dispose(): void;
}

/**
 * A real core over a real SQLite file in a fresh temporary folder. Its assessor lets decisions leave
 * at once (`undoWindowSeconds` 0) unless a test is about the undo window.
 */
export function openTestCore(options: { generatedBatch?: number; now?: () => Date; dataDir?: string; undoWindowSeconds?: number } = {}): CoreFixture {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'assessor-core-'));
  const core = createCore({
    dataDir,
    resourcesDir: projectPaths().resources,
    version: 'test',
    logger: silentLogger,
    generatedBatch: options.generatedBatch,
    ...(options.now ? { now: options.now } : {}),
  });
  value(core.invoke('preferences.set', { patch: { undoWindowSeconds: options.undoWindowSeconds ?? 0 } }));
  const db = openDatabase(join(dataDir, 'workstation.sqlite'));
  return {
    core,
    db,
    dataDir,
    dispose() {
      db.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
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
