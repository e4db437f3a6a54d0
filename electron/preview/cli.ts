// Runs the workstation through the preview host: `npm run preview`, or `npm start` where the
// Electron runtime is missing. Flags: --port N, --data-dir DIR, --generated-batch N.
import { parseArgs } from 'node:util';
import { createCore } from '../core/service';
import { defaultDataDir } from '../core/paths';
import { projectPaths } from '../launcher/project-paths';
import { startPreviewHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'generated-batch': { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${values.port ?? process.env.PORT}".`);
  const paths = projectPaths();
  const core = createCore({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    resourcesDir: paths.resources,
    version: paths.version,
    generatedBatch: values['generated-batch'] ? Number(values['generated-batch']) : undefined,
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

main().catch((error: unknown) => {
  console.error(`The workstation preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
