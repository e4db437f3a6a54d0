import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Renderer components and hooks are unit tests too, each such file in jsdom (`// @vitest-environment jsdom`).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          globalSetup: ['tests/support/built-workstation.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/built-workstation.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
