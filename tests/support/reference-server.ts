import { join } from 'node:path';
import { projectPaths } from '../../electron/launcher/project-paths';
import { seed } from '../hosted-api/seed';
import { defaultOpenApiFile, startHostedApi } from '../hosted-api/server';
import type { HostedApi, HostedApiOptions } from '../hosted-api/server';
import { cleanup } from '../e2e/harness';
import { tempDir } from './core-fixture';

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
