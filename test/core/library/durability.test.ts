import { spawn } from 'node:child_process';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { EmailState } from '../../../electron/core/library/model';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { listNames, tempDir } from './helpers';

const writerScript = path.join(import.meta.dirname, 'fixtures', 'durability-writer.ts');
const KILLS = 32;
const MAX_DELAY_MS = 150;
/** The writer records email N as mark-<N % MARKS>. */
const MARKS = 25;

interface Counters {
  progress: number;
  source: number;
  email: number;
}

interface Acks extends Counters {
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
      if (what !== 'progress' && what !== 'source' && what !== 'email') continue;
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

/** The acknowledged email states (the last MARKS of them) missing from `emails`. */
function lostEmails(emails: Readonly<Record<string, EmailState>>, acked: number): number[] {
  const lost: number[] = [];
  for (let n = Math.max(1, acked - MARKS + 1); n <= acked; n++) {
    if (!(Number(emails[`mark-${n % MARKS}`]?.note ?? 0) >= n)) lost.push(n);
  }
  return lost;
}

/** Opens the folder as the app would, and returns the counters it finds. */
async function reopen(dataDir: string): Promise<{
  progress: number;
  source: number;
  emails: Readonly<Record<string, EmailState>>;
  notices: string[];
}> {
  const notices: string[] = [];
  const progress = await ProgressStore.open(dataDir, { onNotice: (m) => notices.push(m) });
  const library = await LibraryStore.open(dataDir, { onNotice: (m) => notices.push(m) });
  const big = await library.get('big');
  if (big) expect(big.items).toHaveLength(300);
  return {
    progress: Number(progress.data.emails['counter']?.note ?? 0),
    source: Number(big?.source.etag ?? 0),
    emails: progress.data.emails,
    notices,
  };
}

interface LaneResult {
  kills: number;
  killsWhileWriting: number;
  acked: Counters;
}

/** Kills a writer `kills` times in one data folder, checking the folder after each kill. */
async function lane(kills: number): Promise<LaneResult> {
  const dataDir = await tempDir();
  const result: LaneResult = {
    kills: 0,
    killsWhileWriting: 0,
    acked: { progress: 0, source: 0, email: 0 },
  };
  for (let i = 0; i < kills; i += 1) {
    const acks: Acks = { ...result.acked, writing: false };
    const delayMs = Math.floor(Math.random() * MAX_DELAY_MS);
    await runAndKill(dataDir, delayMs, acks);
    result.kills += 1;
    if (
      acks.progress > result.acked.progress ||
      acks.source > result.acked.source ||
      acks.email > result.acked.email
    ) {
      result.killsWhileWriting += 1;
    }
    result.acked = { progress: acks.progress, source: acks.source, email: acks.email };

    const found = await reopen(dataDir);
    const context = `kill ${result.kills} after ${delayMs} ms`;
    expect(found.progress, context).toBeGreaterThanOrEqual(result.acked.progress);
    expect(found.source, context).toBeGreaterThanOrEqual(result.acked.source);
    expect(lostEmails(found.emails, result.acked.email), context).toEqual([]);
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
    'keeps every acknowledged write of progress, email states and a multi-MB source',
    // Process start-up dominates: on a shared, loaded machine 32 starts take well over a minute.
    { timeout: 180_000 },
    async () => {
      // Two folders side by side: process start-up, not writing, is what takes the time.
      const lanes = await Promise.all([lane(KILLS / 2), lane(KILLS / 2)]);
      const kills = lanes.reduce((sum, l) => sum + l.kills, 0);
      const whileWriting = lanes.reduce((sum, l) => sum + l.killsWhileWriting, 0);
      const progress = lanes.reduce((sum, l) => sum + l.acked.progress, 0);
      const source = lanes.reduce((sum, l) => sum + l.acked.source, 0);
      const emails = lanes.reduce((sum, l) => sum + l.acked.email, 0);
      console.log(
        `durability: ${kills} SIGKILLs (${whileWriting} while writing); ${progress} progress, ` +
          `${emails} email-state and ${source} multi-MB source writes acknowledged, none lost`,
      );
      expect(kills).toBeGreaterThanOrEqual(30);
      expect(whileWriting).toBe(kills);
      for (const l of lanes) expect(l.acked.source).toBeGreaterThan(0);
      for (const l of lanes) expect(l.acked.email).toBeGreaterThan(MARKS);
    },
  );
});
