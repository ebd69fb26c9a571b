import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The `studyline` command and its page worker as plain JavaScript for Node,
 * so neither loads a TypeScript loader when it starts (bin/studyline.js
 * builds this when it is missing or older than the sources). Dependencies
 * stay in node_modules, as in the app.
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        studyline: resolve(root, 'electron/cli/index.ts'),
        'page-worker': resolve(root, 'electron/core/sync/page-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
