import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to start one of core's worker threads: a script path, or code to evaluate. */
export interface WorkerScript {
  code: string;
  eval: boolean;
}

/**
 * Built, a worker is a .js file beside core's bundle (`builtDir`, as the desktop runs it). From
 * source (the preview host, tests, benches) it is the TypeScript file, required through tsx's
 * CommonJS hook (loader hooks given with --import do not reach worker threads on Node 20).
 * `sourcePath` is relative to electron/core.
 */
export function workerScript(name: string, sourcePath: string, builtDir: string | undefined): WorkerScript {
  if (builtDir) return { code: join(builtDir, `${name}.js`), eval: false };
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const source = fileURLToPath(new URL(`../${sourcePath}`, import.meta.url)); // this file is in electron/core/process/
  return { code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, eval: true };
}
