import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStudyline } from '../../electron/core/app/open-studyline';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { LibraryStore } from '../../electron/core/library/library-store';
import { LIBRARY_SCHEMA_VERSION, type StoredItem } from '../../electron/core/library/model';
import { ProgressStore } from '../../electron/core/library/progress-store';
import { addDays } from '../../electron/core/pace/calendar-date';
import type { EmailStates, Plan, SequenceEmail } from '../../electron/core/pace/model';
import { planCourse } from '../../electron/core/pace/status';
import { sourceIdFor } from '../../electron/core/sync/source-id';
import type { Course, EmailStateView } from '../../electron/shared/types';
import { ratio } from './sync-bench';
import { stats, timeMs, type Stats } from './stats';

export interface PaceBench {
  mark_done_10000: Stats;
  mark_done_100: Stats;
  mark_done_ratio: number;
  plan_1000: Stats;
}

const MARKS = 200;
const WARM_UP = 10;
/**
 * Share of the library the learner has already done. A learner with a bigger
 * library has more progress, and progress.json (cloned and rewritten on every
 * mark) grows with it; 0 measures the library's size alone.
 */
const DONE_SHARE = 0.2;
const PLAN_CALLS = 20;
const NOW = new Date('2026-12-06T18:00:00.000Z');

/**
 * Marking an email done through the real core, over a followed course of
 * 10,000 emails against one of 100 (each per run: the median of 200 marks,
 * alternating done and undone); and computing a 1,000-email plan.
 */
export async function benchPace(
  runs: number,
  options: { doneShare?: number } = {},
): Promise<PaceBench> {
  const doneShare = options.doneShare ?? DONE_SHARE;
  // The marked emails come from the half of each course that is not done.
  if (!(doneShare >= 0 && doneShare <= 0.5))
    throw new Error('benchPace: doneShare must be 0 to 0.5');
  const big = await markingLibrary(10_000, doneShare);
  try {
    const small = await markingLibrary(100, doneShare);
    try {
      const large: number[] = [];
      const few: number[] = [];
      for (let run = 0; run < runs; run++) {
        const [bigRun, smallRun] = await markBoth(big, small);
        large.push(bigRun);
        few.push(smallRun);
      }
      const largeStats = stats(large);
      const fewStats = stats(few);
      return {
        mark_done_10000: largeStats,
        mark_done_100: fewStats,
        mark_done_ratio: ratio(largeStats.median, fewStats.median),
        plan_1000: await benchPlan(runs),
      };
    } finally {
      await small.close();
    }
  } finally {
    await big.close();
  }
}

interface MarkingLibrary {
  core: StudylineCore;
  emailIds: string[];
  close(): Promise<void>;
}

async function markingLibrary(size: number, doneShare: number): Promise<MarkingLibrary> {
  const dir = await mkdtemp(join(tmpdir(), `studyline-bench-pace-${size}-`));
  const archiveUrl = `https://bench.example.org/category/course-${size}/feed/`;
  const course: Course = {
    id: `course-${size}`,
    title: `A course of ${size} emails`,
    archiveUrl,
    archiveSourceId: sourceIdFor(archiveUrl),
    followedAt: NOW.toISOString(),
    groups: [],
  };
  const items = Array.from({ length: size }, (_, n) => benchItem(course.archiveSourceId, n));
  let core: StudylineCore;
  try {
    await writeDataFolder(dir, course, items, doneShare);
    core = await openStudyline({
      dataDir: dir,
      owner: 'cli',
      now: () => NOW,
      zone: 'Europe/London',
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  // 50 emails spread over the second half of the course, which nothing marked done yet.
  const step = Math.max(1, Math.floor(size / 100));
  const emailIds = items.filter((_, n) => n >= size / 2 && n % step === 0).map((item) => item.id);
  return {
    core,
    emailIds,
    close: async () => {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function writeDataFolder(
  dir: string,
  course: Course,
  items: StoredItem[],
  doneShare: number,
): Promise<void> {
  const library = await LibraryStore.open(dir);
  await library.save({
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    source: {
      id: course.archiveSourceId,
      url: course.archiveUrl,
      kind: 'archive',
      lastSyncAt: NOW.toISOString(),
    },
    items,
  });
  await library.flush();
  const progress = await ProgressStore.open(dir);
  await progress.update((draft) => {
    draft.courses = [course];
    draft.plans[course.id] = benchPlanOf('2026-10-01');
    const doneCount = Math.floor(items.length * doneShare);
    for (const item of items.slice(0, doneCount)) {
      draft.emails[item.id] = { openedAt: item.sentAt, doneAt: item.sentAt };
    }
  });
}

/**
 * One run: the median latency of MARKS marks on each library after a warm-up,
 * alternating between them mark by mark so a busy disk on a shared machine
 * slows both alike. Each email is marked done, then undone: it ends as it started.
 */
async function markBoth(a: MarkingLibrary, b: MarkingLibrary): Promise<[number, number]> {
  const latencies: [number[], number[]] = [[], []];
  for (let k = 0; k < WARM_UP + MARKS; k++) {
    for (const [index, { core, emailIds }] of [a, b].entries()) {
      const emailId = emailIds[Math.floor(k / 2) % emailIds.length]!;
      const done = k % 2 === 0;
      let answer: EmailStateView | undefined;
      const ms = await timeMs(async () => (answer = await core.setDone(emailId, done)));
      if (answer?.done !== done) throw new Error(`pace bench: ${emailId} was not marked ${done}`);
      if (k >= WARM_UP) latencies[index]!.push(ms);
    }
  }
  return [stats(latencies[0]).median, stats(latencies[1]).median];
}

function benchItem(sourceId: string, n: number): StoredItem {
  const day = new Date(Date.UTC(2013, 9, 21) + n * 86_400_000).toISOString();
  return {
    id: `${sourceId}.${n.toString(16).padStart(10, '0')}`,
    key: `https://bench.example.org/?p=${n}`,
    title: `Lesson ${n}`,
    link: `https://bench.example.org/lesson-${n}/`,
    author: 'mechanicalmooc',
    sentAt: day,
    publishedAt: day,
    html:
      `<p>Lesson ${n}.</p>` +
      '<p>Work through the exercises, then post in your group.</p>'.repeat(8),
    categories: ['bench'],
    images: [],
    contentHash: `h${n}`,
    firstSeenAt: day,
    updatedAt: day,
  };
}

function benchPlanOf(startOn: string): Plan {
  return {
    startOn,
    pace: { kind: 'factor', factor: 0.5 },
    studyDays: [1, 2, 3, 4, 5],
    remindAt: '08:30',
    pauses: [{ from: '2026-12-20', to: '2027-01-03' }],
    catchUps: [{ on: '2026-11-15', days: 4 }],
  };
}

/** planCourse over 1,000 emails sent every other day, 300 of them done; per run the median of 20 calls. */
async function benchPlan(runs: number): Promise<Stats> {
  const emails: SequenceEmail[] = Array.from({ length: 1000 }, (_, n) => ({
    id: `e${n}`,
    order: n + 1,
    sentOn: addDays('2013-10-21', n * 2),
    title: `Lesson ${n}`,
  }));
  const states: EmailStates = {};
  for (const email of emails.slice(0, 300)) {
    states[email.id] = { openedAt: '2026-11-01T09:00:00.000Z', doneAt: '2026-11-01T09:30:00.000Z' };
  }
  const plan = benchPlanOf('2026-06-01');
  const clock = { now: NOW.toISOString(), zone: 'Europe/London' };
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const calls: number[] = [];
    for (let call = 0; call < PLAN_CALLS + 2; call++) {
      const ms = await timeMs(() => planCourse(plan, emails, states, clock));
      if (call >= 2) calls.push(ms);
    }
    samples.push(stats(calls).median);
  }
  return stats(samples);
}
