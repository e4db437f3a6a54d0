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

/** Bundles both hosts from source (about 0.1 s; done by the global setup of every run that starts them). */
export function bundleTestHosts(root: string): void {
  for (const [host, entry] of Object.entries(entries) as [TestHost, string][]) {
    buildSync({
      entryPoints: [join(root, entry)],
      outfile: testHostBundle(root, host),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external', // dependencies load from node_modules, as from source
      logLevel: 'warning',
    });
  }
}
