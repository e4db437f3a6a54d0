// Entry point of core inside Electron's utilityProcess. It uses only Node APIs: Electron gives the
// process a `parentPort`, which is all this file knows of Electron.
import type { FromCore, ToCore } from '../common/core-messages';
import { defaultDataDir } from './paths';
import { createCore } from './service';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: FromCore): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('core/utility-entry must run in an Electron utility process');

try {
  const resourcesDir = process.env.ASSESSOR_RESOURCES_DIR;
  if (!resourcesDir) throw new Error('ASSESSOR_RESOURCES_DIR is not set');
  const core = createCore({
    dataDir: defaultDataDir(),
    resourcesDir,
    version: process.env.ASSESSOR_VERSION ?? '0.0.0',
    nativeBinding: process.env.ASSESSOR_SQLITE_BINDING || undefined,
  });
  core.subscribe((event, payload) => parentPort.postMessage({ type: 'event', event, payload }));
  parentPort.on('message', ({ data }) => {
    const message = data as ToCore;
    if (message.type === 'invoke') {
      parentPort.postMessage({ type: 'result', id: message.id, result: core.invoke(message.method, message.input) });
    } else if (message.type === 'resolveEvidence') {
      parentPort.postMessage({ type: 'evidence', id: message.id, file: core.resolveEvidenceFile(message.evidenceId, message.part) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
}
