import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { InlineConfig } from 'vite';
import config from '../../electron.vite.config';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const LOCK = join(ROOT, 'out/.renderer-build.lock');
const STALE_LOCK_MS = 120_000;

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function isFresh(): Promise<boolean> {
  try {
    const built = (await stat(join(RENDERER_OUT, 'index.html'))).mtimeMs;
    const sources = Math.max(
      await newestMtime(join(ROOT, 'renderer')),
      await newestMtime(join(ROOT, 'electron.vite.config.ts')),
    );
    return built > sources;
  } catch {
    return false;
  }
}

/**
 * Builds only the renderer, from the renderer section of the project's own
 * electron-vite config, so a half-written main process never blocks the UI
 * tests. Test files run in parallel: a lock folder makes them build once.
 */
export async function ensureRendererBuilt(): Promise<string> {
  if (await isFresh()) return RENDERER_OUT;
  await mkdir(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const since = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 200));
      if (await isFresh()) return RENDERER_OUT;
    }
  }
  try {
    if (!(await isFresh())) await buildRenderer();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
  return RENDERER_OUT;
}

async function buildRenderer(): Promise<void> {
  // The project's config is a plain object; its renderer section is an ordinary Vite config.
  const renderer = (config as { renderer?: unknown }).renderer;
  if (!renderer || typeof renderer !== 'object')
    throw new Error('electron.vite.config.ts has no renderer section');
  const own = renderer as InlineConfig;
  // electron-vite's own renderer defaults, so the tests run the bundle the app ships.
  const electronViteDefaults = {
    minify: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  };
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...own,
      build: { ...electronViteDefaults, ...own.build },
      configFile: false,
      logLevel: 'error',
      mode: 'production',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
