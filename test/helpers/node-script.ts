import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface NodeScript {
  /** Arguments for `process.execPath` that run the script. */
  args: string[];
  dispose(): Promise<void>;
}

/**
 * A TypeScript fixture made runnable by a plain `node`: bundled once with
 * esbuild (ships with tsx and vite), a child starts in ~0.1 s instead of ~0.5 s
 * under tsx, which is what lets dozens of processes race in a few seconds.
 * Without esbuild it falls back to tsx.
 */
export async function bundleNodeScript(entry: string): Promise<NodeScript> {
  const esbuild = await import('esbuild').catch(() => undefined);
  if (!esbuild) return { args: ['--import', 'tsx', entry], dispose: async () => undefined };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studyline-script-'));
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return { args: [outfile], dispose: () => rm(dir, { recursive: true, force: true }) };
}
