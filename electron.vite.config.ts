import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * `npm run dev` only: Vite's dev server needs what the shipped CSP forbids
 * (React Refresh's inline preamble, CSS injected as <style> elements, the HMR
 * websocket). The production build keeps index.html's strict policy untouched.
 */
function devOnlyCspRelaxation(): Plugin {
  return {
    name: 'studyline:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html
          .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Production dependencies (lowdb, rss-parser…) stay in node_modules inside the asar.
      externalizeDeps: true,
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // Parses and sanitizes feed pages off the main thread (core/sync/page-processor.ts).
          'page-worker': resolve(root, 'electron/core/sync/page-worker.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron`: bundle everything else into one file.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devOnlyCspRelaxation()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Only Electron 45's Chromium runs this page: modern CSS (light-dark()) ships as written.
      target: 'chrome140',
      cssTarget: 'chrome140',
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
