import { join } from 'node:path';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi, HostedApiOptions } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from './core-fixture';
import { holdAddress } from './held-address';

/** The reference hosted API on a fresh data folder, seeded from the demo (`copies` of each demo submission), and how to stop it. */
export async function startSeededApi(prefix: string, options: Partial<Omit<HostedApiOptions, 'dataDir' | 'port' | 'openApiFile'>> = {}, copies?: number): Promise<{ api: HostedApi; stop: () => Promise<void> }> {
  const root = projectPaths().root;
  const dataDir = tempDir(prefix);
  const api = await startHostedApi({ ...options, dataDir, port: 0, openApiFile: defaultOpenApiFile(root) });
  await seed(api.store, 'demo', join(root, 'resources', 'demo'), dataDir, copies);
  return {
    api,
    stop: async () => {
      await api.close();
      cleanup(dataDir);
    },
  };
}

export interface RestartableApi {
  /** The address workstations are given: the same however often the server starts again. */
  url: string;
  /** Starts the server again on its data (after `stop`), on any free port, behind the same address. */
  start(): Promise<HostedApi>;
  /** The server goes away: its address answers nothing until `start`. */
  stop(): Promise<void>;
  /** Stops the server, if running, and gives its address back. */
  close(): Promise<void>;
}

/** The reference hosted API in this process, behind an address held for its whole life (see holdAddress), and the server as first started. */
export async function startRestartableApi(options: Omit<HostedApiOptions, 'port'>): Promise<{ api: HostedApi; server: RestartableApi }> {
  const address = await holdAddress();
  let running: HostedApi | null = null;
  const start = async (): Promise<HostedApi> => {
    if (running) throw new Error('the server is already running');
    running = await startHostedApi({ ...options, port: 0 });
    address.forwardTo(running.port);
    return running;
  };
  const stop = async (): Promise<void> => {
    address.forwardTo(null);
    await running?.close();
    running = null;
  };
  const api = await start();
  return {
    api,
    server: {
      url: address.url,
      start,
      stop,
      close: async () => {
        await stop();
        await address.close();
      },
    },
  };
}
