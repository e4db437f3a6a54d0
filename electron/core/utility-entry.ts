// Entry point of core inside Electron's utilityProcess. It uses only Node APIs: Electron gives the
// process a `parentPort`, which is all this file knows of Electron.
import { fail } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { FromCore, ToCore } from '../common/core-messages';
import { databaseKeyFileName, decodeDatabaseKeys, DatabaseKeyFile } from './db/database-keys';
import { RelayedDatabaseKeyStore } from './db/relayed-key-store';
import { defaultDataDir } from './paths';
import { keptApart } from './private-files';
import { createCore } from './service';
import type { Core, CoreOptions } from './service';
import { MemoryVault } from './hosted/secret-vault';
import type { SecretVault } from './hosted/secret-vault';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: FromCore): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('core/utility-entry must run in an Electron utility process');

/** Secrets kept by the main process with safeStorage (the utility process has no keychain access). */
function keychainVault(port: ParentPort): SecretVault & { settle(id: number, secret: string | null): void } {
  let nextId = 1;
  const pending = new Map<number, (secret: string | null) => void>();
  const ask = (op: 'load' | 'save' | 'clear', secret?: string): Promise<string | null> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      port.postMessage({ type: 'vault', id, op, ...(secret === undefined ? {} : { secret }) });
    });
  return {
    kind: 'os',
    load: () => ask('load'),
    save: async (secret) => void (await ask('save', secret)),
    clear: async () => void (await ask('clear')),
    settle(id, secret) {
      pending.get(id)?.(secret);
      pending.delete(id);
    },
  };
}

type KeysMessage = Extract<ToCore, { type: 'databaseKeys' }>;

/** Where the database's keys come from: main sends them (or says there is no keychain) before anything else. */
function databaseKeysFrom(message: KeysMessage, store: RelayedDatabaseKeyStore, dataDir: string): NonNullable<CoreOptions['databaseKeys']> {
  if (message.handover.kept === 'key-file') {
    // No keychain (Linux without one): a 0600 file, so unsent work survives a restart (README: what it protects against).
    const file = new DatabaseKeyFile(keptApart(dataDir, databaseKeyFileName));
    return { keys: file.loadOrCreate(), store: file };
  }
  return { keys: decodeDatabaseKeys(message.handover.keys), store };
}

function start(port: ParentPort, keysMessage: KeysMessage, keyStore: RelayedDatabaseKeyStore, vault: SecretVault | null): Core {
  const resourcesDir = process.env.ASSESSOR_RESOURCES_DIR;
  if (!resourcesDir) throw new Error('ASSESSOR_RESOURCES_DIR is not set');
  const dataDir = defaultDataDir();
  const core = createCore({
    dataDir,
    resourcesDir,
    version: process.env.ASSESSOR_VERSION ?? '0.0.0',
    nativeBinding: process.env.ASSESSOR_SQLITE_BINDING || undefined,
    databaseKeys: databaseKeysFrom(keysMessage, keyStore, dataDir),
    // Where the OS only offers plain-text storage, the session stays in memory (the UI says so).
    vault: vault ?? new MemoryVault(),
    serverUrl: process.env.ASSESSOR_SERVER_URL,
    // This file is core's bundle; its worker threads are built beside it.
    workersDir: __dirname,
  });
  core.subscribe((event, payload) => port.postMessage({ type: 'event', event, payload }));
  return core;
}

const vault = process.env.ASSESSOR_VAULT_KIND === 'os' ? keychainVault(parentPort) : null;
const keyStore = new RelayedDatabaseKeyStore((message) => parentPort.postMessage(message));
let keysArrived: (message: KeysMessage) => void = () => undefined;
/** Core opens its database only once main has sent the keys; what arrives before waits for it. */
const started: Promise<Core> = new Promise<KeysMessage>((resolve) => (keysArrived = resolve)).then((message) => start(parentPort, message, keyStore, vault));
started.catch((error: unknown) => parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) }));
/** A core that could not start (its database unreadable, say) answers every call with why, instead of leaving it waiting. */
const notStarted = (error: unknown): Result<unknown> => fail('unavailable', `The workstation core could not start: ${error instanceof Error ? error.message : String(error)}`);

parentPort.on('message', ({ data }) => {
  const message = data as ToCore;
  if (message.type === 'databaseKeys') {
    keysArrived(message);
  } else if (message.type === 'databaseKeysSaved') {
    keyStore.settle(message.id, message.error);
  } else if (message.type === 'vaultResult') {
    vault?.settle(message.id, message.secret);
  } else if (message.type === 'invoke') {
    void started
      .then((core) => core.invokeAsync(message.method, message.input), notStarted)
      .then((result) => parentPort.postMessage({ type: 'result', id: message.id, result }));
  } else if (message.type === 'resolveEvidence') {
    void started.then(
      (core) => parentPort.postMessage({ type: 'evidence', id: message.id, file: core.resolveEvidenceFile(message.evidenceId, message.part) }),
      () => parentPort.postMessage({ type: 'evidence', id: message.id, file: null }),
    );
  } else if (message.type === 'evidenceUnreadable') {
    void started.then((core) => core.reportUnreadableEvidence(message.evidenceId), () => undefined);
  }
});
