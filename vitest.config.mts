import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Renderer components and hooks are unit tests too, each such file in jsdom (`// @vitest-environment jsdom`).
      // Unit and integration files share one module cache per worker (isolate: false): loading modules
      // again for every file was most of these layers' time (unit 101 s → 30 s, integration 213 s → 136 s
      // under the same load). A file leaves no state behind it: fake timers, spies and rendered trees
      // are undone by the file or by the setup file.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          isolate: false,
          // Room for a loaded machine (helpers, a second run): a component test typing a password took
          // over vitest's 5 s default at load 12, and its keys then reached the next test.
          testTimeout: 15_000,
          setupFiles: ['tests/unit/renderer-cleanup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          globalSetup: ['tests/support/built-workstation.ts'],
          // These files mostly wait (on servers, child processes and timers): four at once took 108 s on
          // 2 cores where two took 202 s and one (vitest's default here) about 295 s, for the same CPU time.
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          // One module cache per worker here too (Playwright, the harness, the reference store): imports
          // took 26 s of the layer's worker time, 4.5 s so. A file's browser, pages and hosts are its own (session.ts).
          isolate: false,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/built-workstation.ts'],
          // Each file has its own Chromium, preview hosts, data folders and hosted API processes, all on
          // ports the system chose (see harness.ts): two files at once fit this project's 2-core machines.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
