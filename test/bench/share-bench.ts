import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/core/library/library-store';
import type { ProgressFile } from '../../electron/core/library/model';
import { emptyProgress } from '../../electron/core/library/progress-state';
import { applyShared, loadSharedChecks } from '../../electron/core/share/apply-shared';
import { ProgressStore } from '../../electron/core/library/progress-store';
import { makeStamp } from '../../electron/core/share/hlc';
import { reconcileAll } from '../../electron/core/share/reconcile';
import { ShareSession } from '../../electron/core/share/share-session';
import { SharedFolder } from '../../electron/core/share/shared-folder';
import { HybridClock } from '../../electron/core/share/hlc';
import { encodeHeader, encodeRecords, type LogRecord } from '../../electron/core/share/share-log';
import { writeLibrary } from './library-bench';
import { ratio } from './sync-bench';
import { stats, timeMs, type Stats } from './stats';

export interface ShareBench {
  share_merge: Stats;
  /** Median of share_merge, against its 100 ms target. */
  share_merge_ms: number;
  /** CPU time of the same work (all threads): what load on a shared machine inflates least. */
  share_merge_cpu: Stats;
  /** The same from an empty progress: a computer joining takes in (and checks) every value. */
  share_join: Stats;
  share_join_cpu: Stats;
  share_open: Stats;
  share_open_parse: Stats;
  share_open_ratio: number;
  /** The same opening with sharing off (library and progress only), timed alongside. */
  share_open_plain: Stats;
  /** Opening with sharing on against the same opening with it off: what sharing itself adds. */
  share_open_vs_plain: number;
  share_log_mb: number;
}

const EMAILS = 10_000;
const DEVICES = ['laptop00001', 'desktop0001', 'studypc0001'];
const T0 = Date.UTC(2026, 8, 1);

/**
 * 10,000 emails whose states come from three computers, written as a learner
 * makes them (one change per line, nothing batched): each email opened and
 * done on one computer, every third changed again later on another (undone,
 * or a note), every tenth starred on the third; each computer's clock its own.
 */
function deviceLogs(): string[] {
  const lines = DEVICES.map((device, i) => [encodeHeader({ device, name: `computer ${i + 1}` })]);
  const add = (device: number, wall: number, entries: Array<[string, LogRecord['value']]>) => {
    const first = makeStamp({ wall: wall + device * 7_000, counter: 0 });
    const records = entries.map(([key, value], i) => ({ stamp: first + i, key, value }));
    lines[device]!.push(encodeRecords(records));
  };
  for (let n = 0; n < EMAILS; n++) {
    const id = `bench-${n % 10}.${Math.floor(n / 10)
      .toString(16)
      .padStart(10, '0')}`;
    const wall = T0 + n * 60_000;
    const at = new Date(wall).toISOString();
    add(n % 3, wall, [
      [`e/${id}/o`, at],
      [`e/${id}/d`, at],
    ]);
    if (n % 3 === 0) {
      add((n + 1) % 3, wall + 3_600_000, [
        n % 6 ? [`e/${id}/d`, null] : [`e/${id}/n`, `note ${n}`],
      ]);
    }
    if (n % 10 === 0) add((n + 2) % 3, wall + 7_200_000, [[`e/${id}/s`, true]]);
  }
  return lines.map((l) => l.join(''));
}

export async function writeLogs(folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  let bytes = 0;
  const logs = deviceLogs();
  for (const [i, device] of DEVICES.entries()) {
    const text = logs[i]!;
    bytes += text.length;
    await writeFile(join(folder, `studyline-${device}.log`), text);
  }
  return bytes;
}

/**
 * Reading, checking and merging all three logs, then comparing the result
 * with the learner's progress: `progress` already in step (every opening,
 * every look after a change), or empty (a computer joining, where every
 * value is checked and taken in). Wall and CPU milliseconds.
 */
async function mergeOnce(folder: string, progress: ProgressFile): Promise<[number, number]> {
  const joining = Object.keys(progress.emails).length === 0;
  const cpu = process.cpuUsage();
  const wall = await timeMs(async () => {
    const shared = new SharedFolder(folder, { device: 'benchself001', name: 'bench' });
    await shared.look({}, new HybridClock(() => Date.now()), Date.now());
    const found = reconcileAll(progress, shared.view);
    const expected = joining ? found.take.length >= EMAILS : found.take.length === 0;
    if (!expected || found.log.length > 0) throw new Error('share bench: merge went wrong');
  });
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

/** The progress the three logs make, as a computer in step holds it. */
async function inStepProgress(folder: string): Promise<ProgressFile> {
  const progress = emptyProgress();
  const shared = new SharedFolder(folder, { device: 'benchself001', name: 'bench' });
  await shared.look({}, new HybridClock(() => Date.now()), Date.now());
  for (const { key, value } of reconcileAll(progress, shared.view).take)
    applyShared(progress, key, value);
  return progress;
}

async function sampleMerge(runs: number, folder: string, progress: ProgressFile) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const [w, c] = await mergeOnce(folder, progress);
    wall.push(w);
    cpu.push(c);
  }
  return { wall: stats(wall), cpu: stats(cpu) };
}

/** Opening the data folder as the app does: library, progress, and (with sharing on) its session. */
async function openData(dataDir: string, sharing: boolean): Promise<number> {
  return timeMs(async () => {
    const library = await LibraryStore.open(dataDir);
    await library.loadAll();
    const progress = await ProgressStore.open(dataDir);
    if (!sharing) return;
    const share = await ShareSession.open({
      dataDir,
      progress,
      now: () => new Date(),
      host: 'bench',
    });
    await share.close();
  });
}

/**
 * Opening with sharing on, against JSON.parse of every byte it reads, and the
 * same opening with sharing off (which of the two goes first alternates, so
 * that neither always finds the other's garbage).
 */
async function openOnce(
  dataDir: string,
  parseTexts: string[],
  run: number,
): Promise<[number, number, number]> {
  const parse = await timeMs(() => parseTexts.map((t): unknown => JSON.parse(t)));
  const sharingFirst = run % 2 === 0;
  const first = await openData(dataDir, sharingFirst);
  const second = await openData(dataDir, !sharingFirst);
  return sharingFirst ? [first, parse, second] : [second, parse, first];
}

export async function benchShare(runs: number): Promise<ShareBench> {
  await loadSharedChecks();
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-share-'));
  try {
    const folder = join(dir, 'Sync');
    const logBytes = await writeLogs(folder);
    const merge = await sampleMerge(runs, folder, await inStepProgress(folder));
    const joining = await sampleMerge(runs, folder, emptyProgress());

    // A library of 10,000 emails whose progress came from the three computers.
    const dataDir = join(dir, 'data');
    await writeLibrary(dataDir);
    const progress = await ProgressStore.open(dataDir);
    const share = await ShareSession.open({
      dataDir,
      progress,
      now: () => new Date(),
      host: 'bench',
    });
    await share.start(folder);
    await share.close();
    await progress.flush();
    const texts = await filesRead(dataDir, folder);
    const open: number[] = [];
    const parse: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < runs; run++) {
      const [o, p, without] = await openOnce(dataDir, texts, run);
      open.push(o);
      parse.push(p);
      plain.push(without);
    }
    const openStats = stats(open);
    const parseStats = stats(parse);
    const plainStats = stats(plain);
    return {
      share_merge: merge.wall,
      share_merge_ms: merge.wall.median,
      share_merge_cpu: merge.cpu,
      share_join: joining.wall,
      share_join_cpu: joining.cpu,
      share_open: openStats,
      share_open_parse: parseStats,
      share_open_ratio: ratio(openStats.median, parseStats.median),
      share_open_plain: plainStats,
      share_open_vs_plain: ratio(openStats.median, plainStats.median),
      share_log_mb: Math.round(logBytes / 1e5) / 10,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The JSON texts opening reads: library files, progress, and each log line's body. */
async function filesRead(dataDir: string, folder: string): Promise<string[]> {
  const library = join(dataDir, 'library');
  const names = (await readdir(library)).filter((f) => f.endsWith('.json'));
  const texts = await Promise.all(names.map((f) => readFile(join(library, f), 'utf8')));
  texts.push(await readFile(join(dataDir, 'progress.json'), 'utf8'));
  for (const name of (await readdir(folder)).filter((f) => f.endsWith('.log'))) {
    const log = await readFile(join(folder, name), 'utf8');
    texts.push(
      `[${log
        .trimEnd()
        .split('\n')
        .map((line) => line.slice(9))
        .join(',')}]`,
    );
  }
  return texts;
}
