// The preview host on its own, without the build check: `tsx electron/preview/cli.ts [--port N] [--data-dir DIR] [--generated-batch N] [--workers-dir DIR]`
// (tests run it bundled: tests/support/test-hosts.ts).
import { previewOptionsFromArgs, runPreview } from './run';

Promise.resolve()
  .then(() => runPreview(previewOptionsFromArgs(process.argv.slice(2))))
  .catch((error: unknown) => {
    console.error(`The workstation preview could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
