// Entry point of core inside Electron's utilityProcess. It uses only Node APIs: Electron gives the
// process a `parentPort`, which is all this file knows of Electron.
import type { FromCore, ToCore } from '../common/core-messages';
import { defaultDataDir } from './paths';
import { createCore } from './service';
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

try {
  const vault = process.env.ASSESSOR_VAULT_KIND === 'os' ? keychainVault(parentPort) : null;
  const resourcesDir = process.env.ASSESSOR_RESOURCES_DIR;
  if (!resourcesDir) throw new Error('ASSESSOR_RESOURCES_DIR is not set');
  const core = createCore({
    dataDir: defaultDataDir(),
    resourcesDir,
    version: process.env.ASSESSOR_VERSION ?? '0.0.0',
    nativeBinding: process.env.ASSESSOR_SQLITE_BINDING || undefined,
    // Where the OS only offers plain-text storage, keep nothing on disk (the UI says so).
    vault: vault ?? new MemoryVault(),
    serverUrl: process.env.ASSESSOR_SERVER_URL,
    // This file is core's bundle; its worker threads are built beside it.
    workersDir: __dirname,
  });
  core.subscribe((event, payload) => parentPort.postMessage({ type: 'event', event, payload }));
  parentPort.on('message', ({ data }) => {
    const message = data as ToCore;
    if (message.type === 'invoke') {
      void core.invokeAsync(message.method, message.input).then((result) => parentPort.postMessage({ type: 'result', id: message.id, result }));
    } else if (message.type === 'vaultResult') {
      vault?.settle(message.id, message.secret);
    } else if (message.type === 'resolveEvidence') {
      parentPort.postMessage({ type: 'evidence', id: message.id, file: core.resolveEvidenceFile(message.evidenceId, message.part) });
    } else if (message.type === 'evidenceUnreadable') {
      core.reportUnreadableEvidence(message.evidenceId);
    }
  });
} catch (error) {
  parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
}
