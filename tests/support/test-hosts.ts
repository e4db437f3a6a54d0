// The two programs tests start as processes of their own (the preview host, the reference hosted API),
// each bundled into one file: starting one from the bundle costs about half the CPU of starting it from
// source through tsx (0.6 against 1.2 CPU-seconds here), and end-to-end files start one per test.
import { buildSync } from 'esbuild';
import { join } from 'node:path';

const entries = { preview: 'electron/preview/cli.ts', 'hosted-api': 'tests/hosted-api/cli.ts' } as const;
export type TestHost = keyof typeof entries;

/** Where a host's bundle is: two folders deep, as its source is, so that project-relative paths hold. */
export function testHostBundle(root: string, host: TestHost): string {
  return join(root, 'out', 'test-hosts', `${host}.mjs`);
}

/**
 * Bundles both hosts from source (about 0.1 s; done by the global setup of every run that starts them).
 * Split, so that what core imports only when asked (pdfkit and its fonts, for a lead's PDF) stays out
 * of every start: bundled whole, each preview start paid ~60 ms for it.
 */
export function bundleTestHosts(root: string): void {
  buildSync({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([host, entry]) => [host, join(root, entry)])),
    outdir: join(root, 'out', 'test-hosts'),
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]', // beside the entries: two folders deep too
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // dependencies load from node_modules, as from source
    logLevel: 'warning',
  });
}
