import { fork } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WrongDatabaseKey } from '../../electron/core/db/database';
import type { Db } from '../../electron/core/db/database';
import { DatabaseKeyFile, newDatabaseKey } from '../../electron/core/db/database-keys';
import type { DatabaseKeys, DatabaseKeyStore } from '../../electron/core/db/database-keys';
import { DatabaseKeyring } from '../../electron/core/db/keyring';
import type { Logger } from '../../electron/core/platform/log';
import { projectPaths } from '../../electron/launcher/project-paths';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

const dirs: string[] = [];
const freshFolder = (): string => {
  const dir = tempDir('assessor-keyring-');
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach(cleanup));

const errors: string[] = [];
const logger: Logger = { info: () => undefined, error: (message) => void errors.push(message) };

/** A database under `key` holding `rows` rows of text, closed. */
function databaseWith(file: string, key: Buffer, rows: number): void {
  const db = openDatabase(file, key);
  const insert = db.prepare(`INSERT INTO comment_bank (id, title, body, tag, created_at, updated_at) VALUES (?, 'Snippet', ?, 'note', 't', 't')`);
  db.transaction(() => {
    for (let row = 0; row < rows; row++) insert.run(`snippet-${row}`, `Feedback snippet ${row}: ${'the plan named each step. '.repeat(4)}`);
  })();
  db.close();
}
const rowsIn = (db: Db): number => db.prepare('SELECT count(*) FROM comment_bank').pluck().get() as number;

/** A key store that can be told to fail, keeping what it was given. */
class RecordingStore implements DatabaseKeyStore {
  readonly kind = 'file' as const;
  saved: DatabaseKeys[] = [];
  failing = false;
  save(keys: DatabaseKeys): Promise<void> {
    if (this.failing) return Promise.reject(new Error('the keychain is locked'));
    this.saved.push(keys);
    return Promise.resolve();
  }
}

describe('the database keyring', () => {
  it('opens with the current key; with neither key it says so and changes nothing', () => {
    const file = join(freshFolder(), 'workstation.sqlite');
    const current = newDatabaseKey();
    databaseWith(file, current, 3);
    const db = new DatabaseKeyring({ current, next: null }, new RecordingStore(), logger).open(file);
    expect(rowsIn(db)).toBe(3);
    db.close();
    const before = readFileSync(file);
    expect(() => new DatabaseKeyring({ current: newDatabaseKey(), next: newDatabaseKey() }, new RecordingStore(), logger).open(file)).toThrow(WrongDatabaseKey);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('replaces the key: the file opens only with the new one, and the old one is kept nowhere', async () => {
    const file = join(freshFolder(), 'workstation.sqlite');
    const keys = { current: newDatabaseKey(), next: null };
    databaseWith(file, keys.current, 3);
    const store = new RecordingStore();
    const keyring = new DatabaseKeyring(keys, store, logger);
    const db = keyring.open(file);
    await keyring.replace(db);
    expect(rowsIn(db)).toBe(3); // the open connection goes on under the new key
    db.close();
    const [ordered, replaced] = store.saved;
    expect(ordered).toEqual({ current: keys.current, next: expect.any(Buffer) as Buffer });
    expect(replaced).toEqual({ current: ordered!.next, next: null });
    expect(() => openDatabase(file, keys.current)).toThrow(WrongDatabaseKey);
    const reopened = openDatabase(file, replaced!.current);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(rowsIn(reopened)).toBe(3);
    reopened.close();
  });

  it('changes nothing if the new key cannot be kept first', async () => {
    const file = join(freshFolder(), 'workstation.sqlite');
    const keys = { current: newDatabaseKey(), next: null };
    databaseWith(file, keys.current, 1);
    const store = new RecordingStore();
    const keyring = new DatabaseKeyring(keys, store, logger);
    const db = keyring.open(file);
    store.failing = true;
    errors.length = 0;
    await keyring.replace(db);
    db.close();
    expect(errors).toEqual(['could not replace the database key']);
    expect(rowsIn(openDatabase(file, keys.current))).toBe(1);
  });

  it('while another connection holds the file, keeps the new key as next and re-keys at the next start', async () => {
    const folder = freshFolder();
    const file = join(folder, 'workstation.sqlite');
    const store = new DatabaseKeyFile(join(folder, 'database.key'));
    const keys = store.loadOrCreate();
    databaseWith(file, keys.current, 2);
    const keyring = new DatabaseKeyring(keys, store, logger);
    const db = keyring.open(file);
    const other = openDatabase(file, keys.current);
    await keyring.replace(db);
    other.close();
    db.close();
    const ordered = store.loadOrCreate();
    expect(ordered.current.equals(keys.current)).toBe(true);
    expect(ordered.next).not.toBeNull();

    const restarted = new DatabaseKeyring(ordered, store, logger);
    const reopened = restarted.open(file);
    expect(rowsIn(reopened)).toBe(2);
    reopened.close();
    await restarted.kept();
    expect(store.loadOrCreate()).toEqual({ current: ordered.next, next: null });
    expect(() => openDatabase(file, keys.current)).toThrow(WrongDatabaseKey);
  });
});

/** Runs the re-key in its own process; kills it `afterMs` after it starts (never, if null). Resolves with how long it ran and whether it finished. */
function rekeyInChild(file: string, keys: { current: Buffer; next: Buffer }, afterMs: number | null): Promise<{ ms: number; finished: boolean }> {
  const child = fork(join(projectPaths().root, 'tests', 'support', 'rekey-child.ts'), [file, keys.current.toString('hex'), keys.next.toString('hex')], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let started = 0;
  let finished = false;
  child.on('message', (message) => {
    if (message === 'rekeying') {
      started = performance.now();
      if (afterMs !== null) setTimeout(() => child.kill('SIGKILL'), afterMs);
    } else if (message === 'done') {
      finished = true;
    }
  });
  return new Promise((resolve) => child.on('exit', () => resolve({ ms: performance.now() - started, finished })));
}

describe('a re-key cut short by a crash', () => {
  it('always leaves a key on record that opens the whole file, and the next start finishes the re-key', async () => {
    const rows = 60_000; // about 20 MB: a re-key long enough to be cut in its journal and in its writes
    // One database made, and copied for each cut (made anew each time, the rows were most of the test's time).
    const keys = { current: newDatabaseKey(), next: newDatabaseKey() };
    const original = join(freshFolder(), 'workstation.sqlite');
    databaseWith(original, keys.current, rows);
    const measure = join(freshFolder(), 'workstation.sqlite');
    copyFileSync(original, measure);
    const whole = await rekeyInChild(measure, keys, null);
    expect(whole.finished).toBe(true);

    for (const share of [0.1, 0.4, 0.7, 0.9, 0.97]) {
      const folder = freshFolder();
      const file = join(folder, 'workstation.sqlite');
      const store = new DatabaseKeyFile(join(folder, 'database.key'));
      copyFileSync(original, file);
      await store.save(keys); // as the keyring keeps them before it re-keys
      await rekeyInChild(file, keys, Math.round(whole.ms * share));

      const keyring = new DatabaseKeyring(store.loadOrCreate(), store, logger);
      const db = keyring.open(file);
      expect(rowsIn(db), `cut at ${share}`).toBe(rows);
      expect(db.pragma('integrity_check', { simple: true }), `cut at ${share}`).toBe('ok');
      db.close();
      await keyring.kept();
      expect(store.loadOrCreate(), `cut at ${share}`).toEqual({ current: keys.next, next: null });
      expect(() => openDatabase(file, keys.current), `cut at ${share}`).toThrow(WrongDatabaseKey);
    }
  }, 120_000);
});
