// Entry point of core inside Electron's utilityProcess. It uses only Node APIs: Electron gives the
// process a `parentPort`, which is all this file knows of Electron.
import { connectRpc } from '../../../shared/rpc/peer';
import type { CoreForMain, DatabaseKeysHandover, MainForCore } from '../../hosts-shared/core-rpc';
import { serveContract } from '../contract/contract-port';
import { databaseKeyFileName, decodeDatabaseKeys, DatabaseKeyFile } from '../db/database-keys';
import { RelayedDatabaseKeyStore } from '../db/relayed-key-store';
import { MemoryVault } from '../hosted/secret-vault';
import type { SecretVault } from '../hosted/secret-vault';
import { consoleLogger } from '../platform/log';
import { rpcPortOf, splitParentPort } from '../process/parent-port';
import type { ParentPort } from '../process/parent-port';
import { defaultDataDir } from '../platform/paths';
import { keptApart } from '../platform/private-files';
import { createCore } from './service';
import type { Core, CoreOptions } from './service';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('core/utility-entry must run in an Electron utility process');

const mainPort = splitParentPort(parentPort, (port) => serveContract(rpcPortOf(port), started, consoleLogger));
const main = connectRpc<CoreForMain, MainForCore>(mainPort, {
  serve: {
    'evidence.describe': async ({ evidenceId, part }) => (await started).evidence.describe(evidenceId, part),
    'evidence.read': async ({ evidenceId, part, start, end }) => (await started).evidence.read(evidenceId, part, start, end),
  },
  report: (problem) => consoleLogger.error(`main's port ${problem}`),
});

/** Secrets kept by the main process with safeStorage (the utility process has no keychain access). */
const keychainVault: SecretVault = {
  kind: 'os',
  load: () => main.call('vault.load', null),
  save: async (secret) => void (await main.call('vault.save', { secret })),
  clear: async () => void (await main.call('vault.clear', null)),
};

/** Where the database's keys come from: main's keychain, or (no keychain) a file core keeps. */
function databaseKeysFrom(handover: DatabaseKeysHandover, dataDir: string): NonNullable<CoreOptions['databaseKeys']> {
  if (handover.kept === 'key-file') {
    // No keychain (Linux without one): a 0600 file, so unsent work survives a restart (README: what it protects against).
    const file = new DatabaseKeyFile(keptApart(dataDir, databaseKeyFileName));
    return { keys: file.loadOrCreate(), store: file };
  }
  return { keys: decodeDatabaseKeys(handover.keys), store: new RelayedDatabaseKeyStore((keys) => main.call('databaseKeys.save', { keys })) };
}

function start(handover: DatabaseKeysHandover): Core {
  const resourcesDir = process.env.ASSESSOR_RESOURCES_DIR;
  if (!resourcesDir) throw new Error('ASSESSOR_RESOURCES_DIR is not set');
  const dataDir = defaultDataDir();
  return createCore({
    dataDir,
    resourcesDir,
    version: process.env.ASSESSOR_VERSION ?? '0.0.0',
    nativeBinding: process.env.ASSESSOR_SQLITE_BINDING || undefined,
    databaseKeys: databaseKeysFrom(handover, dataDir),
    // Where the OS only offers plain-text storage, the session stays in memory (the UI says so).
    vault: process.env.ASSESSOR_VAULT_KIND === 'os' ? keychainVault : new MemoryVault(),
    serverUrl: process.env.ASSESSOR_SERVER_URL,
    // This file is core's bundle; its worker threads are built beside it.
    workersDir: __dirname,
  });
}

/** Core opens its database only once main has handed over the keys; what arrives before (a renderer's call, an evidence read) waits for it. */
const started: Promise<Core> = main.call('databaseKeys.handover', null).then(start);
started.catch((error: unknown) => main.emit('fatal', { message: error instanceof Error ? error.message : String(error) }));
