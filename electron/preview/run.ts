import { parseArgs } from 'node:util';
import { createCore } from '../core/app/service';
import { defaultDataDir } from '../core/platform/paths';
import { projectPaths } from '../launcher/project-paths';
import { startPreviewHost } from './server';

export interface PreviewRunOptions {
  port?: string | undefined;
  dataDir?: string | undefined;
  generatedBatch?: string | undefined;
  /** Where core's built worker scripts are (out/main); from source when unset. */
  workersDir?: string | undefined;
}

/** `[--port N] [--data-dir DIR] [--generated-batch N] [--workers-dir DIR]`, as `npm start`, `npm run preview` and the tests pass them. */
export function previewOptionsFromArgs(args: string[]): PreviewRunOptions {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'generated-batch': { type: 'string' }, 'workers-dir': { type: 'string' }, preview: { type: 'boolean' } },
  });
  return { port: values.port, dataDir: values['data-dir'], generatedBatch: values['generated-batch'], workersDir: values['workers-dir'] };
}

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? 0);
  if (raw?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

/** Starts core and the preview host in this process and prints the link; stops cleanly on SIGINT/SIGTERM. */
export async function runPreview(options: PreviewRunOptions): Promise<void> {
  const paths = projectPaths();
  const port = parsePort(options.port ?? (process.env.PORT || undefined));
  const generatedBatch = options.generatedBatch === undefined ? undefined : Number(options.generatedBatch);
  if (generatedBatch !== undefined && (!Number.isInteger(generatedBatch) || generatedBatch < 1 || generatedBatch > 100_000)) {
    throw new Error('--generated-batch takes a whole number from 1 to 100000.');
  }
  const core = createCore({
    dataDir: options.dataDir ?? defaultDataDir(),
    resourcesDir: paths.resources,
    version: paths.version,
    generatedBatch,
    serverUrl: process.env.ASSESSOR_SERVER_URL,
    workersDir: options.workersDir,
  });
  const host = await startPreviewHost({ core, rendererDir: paths.rendererBuild, port });
  console.log(`Workstation preview: ${host.url}`);
  const stop = (): void => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
