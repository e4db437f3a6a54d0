import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectRpc } from '../../shared/rpc/peer';
import type { CoreForMain, MainForCore } from '../../electron/hosts-shared/core-rpc';
import { DatabaseKeyFile, decodeDatabaseKeys, encodeDatabaseKeys, newDatabaseKey } from '../../electron/core/db/database-keys';
import { RelayedDatabaseKeyStore } from '../../electron/core/db/relayed-key-store';
import { answersToCore } from '../../electron/main/answers-to-core';
import { startCoreProcess } from '../../electron/main/core-process';
import type { CoreChild } from '../../electron/main/core-process';
import { databaseKeysForCore, saveDatabaseKeys } from '../../electron/main/database-keys';
import type { StringCipher } from '../../electron/main/database-keys';
import { cleanup } from '../e2e/harness';
import { tempDir } from '../support/core-fixture';
import { settled } from '../support/settled';

// Electron's runtime is not installed here: main's modules get the thinnest stand-in (never called).
vi.mock('electron', () => ({ app: {}, safeStorage: {}, utilityProcess: {} }));

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = tempDir('assessor-keys-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.splice(0).forEach(cleanup);
  vi.restoreAllMocks();
});

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

/** The thinnest stand-in for the utility process: one end of a real channel; the test speaks as core on the other. */
class FakeChild extends EventEmitter implements CoreChild {
  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (message) => this.emit('message', message));
    port.on('close', () => this.emit('exit'));
  }
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  kill(): boolean {
    this.port.close();
    return true;
  }
}

/** Core's side of its port to main, as the utility process connects it (it answers nothing here). */
function speakAsCore(port: MessagePort) {
  const unanswered = () => Promise.reject(new Error('not in this test'));
  return connectRpc<CoreForMain, MainForCore>(port, { serve: { 'evidence.describe': unanswered, 'evidence.read': unanswered } });
}

describe('main handing the keys to core', () => {
  it('answers core’s first question with them, keeps core’s replacements with safeStorage and says whether it could', async () => {
    const { port1, port2 } = new MessageChannel();
    const saved: string[] = [];
    let failing = false;
    const keys = encodeDatabaseKeys({ current: newDatabaseKey(), next: null });
    const main = startCoreProcess('core.js', {}, { handover: { kept: 'keychain', keys }, save: (encoded) => (failing ? (() => { throw new Error('keychain locked'); })() : void saved.push(encoded)) }, () => new FakeChild(port1));
    const core = speakAsCore(port2);
    await expect(core.call('databaseKeys.handover', null)).resolves.toEqual({ kept: 'keychain', keys });

    const replaced = encodeDatabaseKeys({ current: newDatabaseKey(), next: newDatabaseKey() });
    await expect(core.call('databaseKeys.save', { keys: replaced })).resolves.toBeNull();
    expect(saved).toEqual([replaced]);

    failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(core.call('databaseKeys.save', { keys: replaced })).rejects.toThrow('keychain locked');
    expect(saved).toEqual([replaced]);
    main.stop();
  });

  it('keeps the session’s secrets with the keychain, and a keychain that fails leaves the session to memory, said in the log', () => {
    const kept: (string | null)[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answers = answersToCore({ handover: { kept: 'key-file' }, save: () => undefined }, { load: () => kept.at(-1) ?? null, save: (secret) => void kept.push(secret), clear: () => void kept.push(null) });
    expect(answers['vault.save']({ secret: 'tokens' })).toBeNull();
    expect(answers['vault.load'](null)).toBe('tokens');
    expect(answers['vault.clear'](null)).toBeNull();
    expect(answers['vault.load'](null)).toBeNull();
    const locked = answersToCore({ handover: { kept: 'key-file' }, save: () => undefined }, { load: () => { throw new Error('locked'); }, save: () => { throw new Error('locked'); }, clear: () => undefined });
    expect(locked['vault.load'](null)).toBeNull();
    expect(locked['vault.save']({ secret: 'tokens' })).toBeNull();
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual(['[main] keychain load failed: locked', '[main] keychain save failed: locked']);
  });
});

describe('core asking main to keep the keys', () => {
  it('is durable only once main says so, and fails when main could not', async () => {
    const { port1, port2 } = new MessageChannel();
    const asked: string[] = [];
    let answer: (error: Error | null) => void = () => undefined;
    const base = answersToCore({ handover: { kept: 'key-file' }, save: () => undefined }, { load: () => null, save: () => undefined, clear: () => undefined });
    connectRpc<MainForCore, CoreForMain>(port1, {
      serve: {
        ...base,
        'databaseKeys.save': ({ keys }) => {
          asked.push(keys);
          return new Promise((resolve, reject) => (answer = (error) => (error ? reject(error) : resolve(null))));
        },
      },
    });
    const main = speakAsCore(port2);
    const store = new RelayedDatabaseKeyStore((keys) => main.call('databaseKeys.save', { keys }));
    const keys = { current: newDatabaseKey(), next: newDatabaseKey() };
    let saved = false;
    const saving = store.save(keys).then(() => (saved = true));
    await vi.waitFor(() => expect(asked).toEqual([encodeDatabaseKeys(keys)]));
    await settled();
    expect(saved).toBe(false); // main has not answered yet
    answer(null);
    await saving;
    expect(saved).toBe(true);

    const refused = store.save(keys);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    answer(new Error('keychain locked'));
    await expect(refused).rejects.toThrow(/the keychain could not keep the database key: keychain locked/);
    port1.close();
  });
});
