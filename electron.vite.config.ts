import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          core: resolve(__dirname, 'electron/core/app/utility-entry.ts'),
          // core's worker threads, beside core (see electron/core/process/worker-script.ts)
          'lead-data-worker': resolve(__dirname, 'electron/core/lead/data-worker/lead-data-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // pdf.js's worker is 1.2 MB by itself and loads only with a PDF; the start's own cost is what
      // `npm run bench` measures (cold load), not a chunk's size.
      chunkSizeWarningLimit: 1300,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
