// The preview host on its own: `npm run preview -- [--port N] [--data-dir DIR] [--generated-batch N]`.
import { parseArgs } from 'node:util';
import { runPreview } from './run';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'generated-batch': { type: 'string' },
  },
});

runPreview({ port: values.port, dataDir: values['data-dir'], generatedBatch: values['generated-batch'] }).catch((error: unknown) => {
  console.error(`The workstation preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
