import { spawn } from 'node:child_process';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { listNames, tempDir } from './helpers';

const writerScript = path.join(import.meta.dirname, 'fixtures', 'durability-writer.ts');
const KILLS = 32;
const MAX_DELAY_MS = 150;

interface Acks {
  progress: number;
  source: number;
  writing: boolean;
}

let writerCommand: string[] = ['--import', 'tsx', writerScript];
let bundleDir: string | undefined;

// Bundled once, the writer starts in ~0.1 s instead of ~0.5 s under tsx: that is what
// lets 30+ kills fit in a few seconds. esbuild ships with tsx and vite; without it, tsx.
beforeAll(async () => {
  const esbuild = await import('esbuild').catch(() => undefined);
  if (!esbuild) return;
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'studyline-writer-'));
  const outfile = path.join(bundleDir, 'durability-writer.mjs');
  await esbuild.build({
    entryPoints: [writerScript],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  writerCommand = [outfile];
});

afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** Starts the writer, lets it write for `delayMs` after its first acknowledged save, then SIGKILLs it. */
async function runAndKill(dataDir: string, delayMs: number, acks: Acks): Promise<void> {
  const child = spawn(process.execPath, [...writerCommand, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kill = () => child.kill('SIGKILL');
  // A writer that never acknowledges anything still dies, and the lane then fails below.
  const safety = setTimeout(kill, 10_000);
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [what, n] = line.split(' ');
      if (what !== 'progress' && what !== 'source') continue;
      if (!acks.writing) setTimeout(kill, delayMs);
      acks.writing = true;
      acks[what] = Number(n);
    }
  });
  const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  );
  clearTimeout(safety);
  expect(exit, 'the writer must die by SIGKILL, not on its own').toBe('SIGKILL');
}

/** Opens the folder as the app would, and returns the counters it finds. */
async function reopen(
  dataDir: string,
): Promise<{ progress: number; source: number; notices: string[] }> {
  const notices: string[] = [];
  const progress = await ProgressStore.open(dataDir, { onNotice: (m) => notices.push(m) });
  const library = await LibraryStore.open(dataDir, { onNotice: (m) => notices.push(m) });
  const big = await library.get('big');
  if (big) expect(big.items).toHaveLength(300);
  return {
    progress: Number(progress.data.emails['counter']?.note ?? 0),
    source: Number(big?.source.etag ?? 0),
    notices,
  };
}

interface LaneResult {
  kills: number;
  killsWhileWriting: number;
  acked: { progress: number; source: number };
}

/** Kills a writer `kills` times in one data folder, checking the folder after each kill. */
async function lane(kills: number): Promise<LaneResult> {
  const dataDir = await tempDir();
  const result: LaneResult = { kills: 0, killsWhileWriting: 0, acked: { progress: 0, source: 0 } };
  for (let i = 0; i < kills; i += 1) {
    const acks: Acks = { ...result.acked, writing: false };
    const delayMs = Math.floor(Math.random() * MAX_DELAY_MS);
    await runAndKill(dataDir, delayMs, acks);
    result.kills += 1;
    if (acks.progress > result.acked.progress || acks.source > result.acked.source) {
      result.killsWhileWriting += 1;
    }
    result.acked = { progress: acks.progress, source: acks.source };

    const found = await reopen(dataDir);
    const context = `kill ${result.kills} after ${delayMs} ms`;
    expect(found.progress, context).toBeGreaterThanOrEqual(result.acked.progress);
    expect(found.source, context).toBeGreaterThanOrEqual(result.acked.source);
    expect(found.notices, context).toEqual([]);
    const names = [
      ...(await listNames(dataDir)),
      ...(await listNames(path.join(dataDir, 'library'))),
    ];
    expect(
      names.filter((n) => n.includes('.corrupt-')),
      context,
    ).toEqual([]);
  }
  return result;
}

describe('durability under SIGKILL', () => {
  it(
    'keeps every acknowledged write of progress and of a multi-MB source',
    { timeout: 60_000 },
    async () => {
      // Two folders side by side: process start-up, not writing, is what takes the time.
      const lanes = await Promise.all([lane(KILLS / 2), lane(KILLS / 2)]);
      const kills = lanes.reduce((sum, l) => sum + l.kills, 0);
      const whileWriting = lanes.reduce((sum, l) => sum + l.killsWhileWriting, 0);
      const progress = lanes.reduce((sum, l) => sum + l.acked.progress, 0);
      const source = lanes.reduce((sum, l) => sum + l.acked.source, 0);
      console.log(
        `durability: ${kills} SIGKILLs (${whileWriting} while writing); ` +
          `${progress} progress and ${source} multi-MB source writes acknowledged, none lost`,
      );
      expect(kills).toBeGreaterThanOrEqual(30);
      expect(whileWriting).toBe(kills);
      for (const l of lanes) expect(l.acked.source).toBeGreaterThan(0);
    },
  );
});
