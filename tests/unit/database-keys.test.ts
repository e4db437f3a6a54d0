import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromCore, ToCore } from '../../electron/common/core-messages';
import { DatabaseKeyFile, decodeDatabaseKeys, encodeDatabaseKeys, newDatabaseKey } from '../../electron/core/db/database-keys';
import { RelayedDatabaseKeyStore } from '../../electron/core/db/relayed-key-store';
import { startCoreProcess } from '../../electron/main/core-process';
import type { CoreChild } from '../../electron/main/core-process';
import { databaseKeysForCore, saveDatabaseKeys } from '../../electron/main/database-keys';
import type { StringCipher } from '../../electron/main/database-keys';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';

// Electron's runtime is not installed here: main's modules get the thinnest stand-in (never called).
vi.mock('electron', () => ({ app: {}, safeStorage: {}, utilityProcess: {} }));

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = tempDir('assessor-keys-');
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach(cleanup));

/** Stands in for safeStorage: reversible, and never the plain text. */
const fakeCipher: StringCipher = {
  encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  decryptString: (bytes) => {
    const text = bytes.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
  },
};
const mode = (path: string): number => statSync(path).mode & 0o777;

describe('the database keys’ record', () => {
  it('round-trips, and refuses anything but two 32-byte keys', () => {
    const keys = { current: newDatabaseKey(), next: newDatabaseKey() };
    expect(keys.current).toHaveLength(32);
    expect(decodeDatabaseKeys(encodeDatabaseKeys(keys))).toEqual(keys);
    expect(decodeDatabaseKeys(encodeDatabaseKeys({ current: keys.current, next: null }))).toEqual({ current: keys.current, next: null });
    for (const damaged of ['', 'not json', '{}', '{"current":"abc","next":null}', `{"current":"${'0'.repeat(64)}","next":"xyz"}`, `{"current":"${'0'.repeat(64)}"}`]) {
      expect(() => decodeDatabaseKeys(damaged), damaged).toThrow(/damaged/);
    }
  });
});

describe('the key file (preview host, and a desktop without a keychain)', () => {
  it('is made once, 0600, holding only the key, and read back the same', () => {
    const path = join(freshDir(), 'database.key');
    const made = new DatabaseKeyFile(path).loadOrCreate();
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ current: made.current.toString('hex'), next: null });
    expect(new DatabaseKeyFile(path).loadOrCreate()).toEqual(made);
  });

  it('is replaced whole on save, and a damaged one is left as it is rather than replaced by a new key', async () => {
    const path = join(freshDir(), 'database.key');
    const file = new DatabaseKeyFile(path);
    const keys = { current: newDatabaseKey(), next: newDatabaseKey() };
    await file.save(keys);
    expect(file.loadOrCreate()).toEqual(keys);
    writeFileSync(path, '{"current":"trunc');
    expect(() => file.loadOrCreate()).toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('{"current":"trunc');
  });
});

describe('the desktop’s keys in main (safeStorage)', () => {
  const files = (dir: string) => ({ keychain: join(dir, 'user-data', 'database-key.bin'), keyFile: join(dir, 'database.key') });

  it('are made on first start, kept only encrypted in their own file, and handed over the same on the next', () => {
    const dir = freshDir();
    const first = databaseKeysForCore(fakeCipher, files(dir));
    if (first.kept !== 'keychain') throw new Error('expected keys kept with the keychain');
    const { current } = decodeDatabaseKeys(first.keys);
    const stored = readFileSync(files(dir).keychain);
    expect(stored.includes(Buffer.from(current.toString('hex')))).toBe(false);
    expect(mode(files(dir).keychain)).toBe(0o600);
    expect(databaseKeysForCore(fakeCipher, files(dir))).toEqual(first);
  });

  it('move into the keychain when one appears after keys were kept in the data folder', async () => {
    const dir = freshDir();
    const earlier = { current: newDatabaseKey(), next: null };
    await new DatabaseKeyFile(files(dir).keyFile).save(earlier);
    const handover = databaseKeysForCore(fakeCipher, files(dir));
    expect(handover.kept === 'keychain' && decodeDatabaseKeys(handover.keys)).toEqual(earlier);
    expect(existsSync(files(dir).keyFile)).toBe(false);
  });

  it('without a keychain, are left to core’s data folder; with keys in a keychain out of reach, nothing starts and nothing changes', () => {
    const dir = freshDir();
    expect(databaseKeysForCore(null, files(dir))).toEqual({ kept: 'key-file' });
    databaseKeysForCore(fakeCipher, files(dir));
    const before = readFileSync(files(dir).keychain);
    expect(() => databaseKeysForCore(null, files(dir))).toThrow(/system keychain, which is not available now/);
    const broken: StringCipher = { ...fakeCipher, decryptString: () => { throw new Error('the keychain was reset'); } };
    expect(() => databaseKeysForCore(broken, files(dir))).toThrow(/reset/);
    expect(readFileSync(files(dir).keychain).equals(before)).toBe(true);
    expect(existsSync(files(dir).keyFile)).toBe(false);
  });

  it('keep only a key record when core asks', () => {
    const dir = freshDir();
    const file = files(dir).keychain;
    expect(() => saveDatabaseKeys(fakeCipher, file, 'anything else')).toThrow(/damaged/);
    expect(existsSync(file)).toBe(false);
  });
});

/** The thinnest stand-in for the utility process: records what main posts, and lets the test speak as core. */
class FakeChild extends EventEmitter implements CoreChild {
  readonly posted: ToCore[] = [];
  postMessage(message: ToCore): void {
    this.posted.push(message);
  }
  kill(): boolean {
    return true;
  }
  say(message: FromCore): void {
    this.emit('message', message);
  }
}

describe('main handing the keys to core', () => {
  it('sends them before anything else, keeps core’s replacements with safeStorage and says whether it could', () => {
    const child = new FakeChild();
    const saved: string[] = [];
    let failing = false;
    const keys = encodeDatabaseKeys({ current: newDatabaseKey(), next: null });
    const core = startCoreProcess('core.js', {}, { handover: { kept: 'keychain', keys }, save: (encoded) => (failing ? (() => { throw new Error('keychain locked'); })() : void saved.push(encoded)) }, () => child);
    void core.invoke('app.info', {});
    expect(child.posted[0]).toEqual({ type: 'databaseKeys', handover: { kept: 'keychain', keys } });
    expect(child.posted[1]).toMatchObject({ type: 'invoke', method: 'app.info' });

    const replaced = encodeDatabaseKeys({ current: newDatabaseKey(), next: newDatabaseKey() });
    child.say({ type: 'saveDatabaseKeys', id: 7, keys: replaced });
    expect(saved).toEqual([replaced]);
    expect(child.posted.at(-1)).toEqual({ type: 'databaseKeysSaved', id: 7, error: null });

    failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    child.say({ type: 'saveDatabaseKeys', id: 8, keys: replaced });
    expect(child.posted.at(-1)).toEqual({ type: 'databaseKeysSaved', id: 8, error: 'keychain locked' });
  });
});

describe('core asking main to keep the keys', () => {
  it('is durable only once main says so, and fails when main could not', async () => {
    const posted: FromCore[] = [];
    const store = new RelayedDatabaseKeyStore((message) => posted.push(message));
    const keys = { current: newDatabaseKey(), next: newDatabaseKey() };
    let settled = false;
    const saving = store.save(keys).then(() => (settled = true));
    expect(posted).toEqual([{ type: 'saveDatabaseKeys', id: 1, keys: encodeDatabaseKeys(keys) }]);
    await Promise.resolve();
    expect(settled).toBe(false);
    store.settle(1, null);
    await saving;
    expect(settled).toBe(true);

    const refused = store.save(keys);
    store.settle(2, 'keychain locked');
    await expect(refused).rejects.toThrow(/keychain locked/);
  });
});
