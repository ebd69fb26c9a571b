import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { launchBrowser, openApp } from '../e2e/harness';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts, rssPage } from '../helpers/wordpress-feed';
import { round, stats } from './stats';
import type { Stats } from './stats';
import {
  firstListMs,
  LIST_PAINTED,
  listPainted,
  heapMb,
  within,
  openEmails,
  scrollEndToEnd,
  searchOnce,
  watchForList,
} from './renderer-steps';

const EMAILS = 1_000;

/** What the window kept in its storage (the course on screen, pane widths): its profile. */
type Remembered = [string, string][];

/** Runs in the page before its scripts: the profile as the last launch left it. */
function restoreProfile(items: Remembered): void {
  for (const [key, value] of items) localStorage.setItem(key, value);
}

async function measureOnce(
  browser: Browser,
  catalogPath: string,
  dataDir: string,
  remembered: Remembered,
) {
  let painted: Promise<number> | undefined;
  const app = await openApp(browser, {
    catalogPath,
    dataDir,
    beforeLoad: async (context) => {
      await context.addInitScript(restoreProfile, remembered);
      await context.addInitScript(watchForList, { expected: EMAILS, says: LIST_PAINTED });
      painted = listPainted(context);
    },
  });
  try {
    if (!painted) throw new Error('renderer bench: the page loaded without its list watch');
    const firstList = await firstListMs(painted, EMAILS);
    const longTasks = await scrollEndToEnd(app.page);
    const opens = await openEmails(app.page, 20);
    const heap = await within('measuring the heap', heapMb(app.page));
    const search = await searchOnce(app.page);
    const profile: Remembered = await app.page.evaluate(() =>
      Object.entries(localStorage).map(([key, value]) => [key, String(value)]),
    );
    return { firstList, heap, longTasks, opens, search, profile };
  } finally {
    await app.close();
  }
}

/**
 * The renderer with a 1,000-email sequence, over the real core and Chromium:
 * time from page load to the painted list, and the JS heap after scrolling it.
 */
export async function benchRenderer(runs: number): Promise<{
  renderer_first_list: Stats;
  renderer_heap: Stats;
  renderer_search_ms: Stats;
  renderer_open_email: Stats & { p95: number };
  renderer_first_list_median: number;
  renderer_open_email_p95: number;
  renderer_long_tasks_scroll: number;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-renderer-'));
  const server = await startFeedServer();
  const browser = await launchBrowser();
  try {
    // One page holding every item: the sync walks it, then page 2 answers 404.
    server.route(
      '/category/seq21oct13/feed/',
      serveBody(rssPage(makePosts(EMAILS, { bodyBytes: 800 }), server.origin), {
        headers: { 'content-type': 'application/rss+xml; charset=UTF-8' },
      }),
    );
    server.route(
      '/forum/latest.rss',
      serveBody(groupFeed(server.origin, new Date()), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    const catalogPath = await writeLoopbackCatalog(dir, server.origin);
    const dataDir = join(dir, 'data');
    const core = await openStudyline({ dataDir, owner: 'cli', catalogPath, timeoutMs: 30_000 });
    const course = await core.follow({ sequenceId: 'seq21oct13' });
    await core.sync({ courseId: course.id });
    const count = (await core.emails(course.id)).length;
    await core.close();
    if (count !== EMAILS)
      throw new Error(`renderer bench: expected ${EMAILS} emails, the library has ${count}`);

    // Warm-up (build, disk cache, JIT) and the learner's first launch: what the window remembers
    // then is restored before every measured launch, as a returning learner's profile would be.
    const { profile } = await measureOnce(browser, catalogPath, dataDir, []);
    const firstList: number[] = [];
    const heap: number[] = [];
    const search: number[] = [];
    const opens: number[] = [];
    let longTasks = 0;
    for (let i = 0; i < runs; i++) {
      const sample = await measureOnce(browser, catalogPath, dataDir, profile);
      firstList.push(sample.firstList);
      heap.push(sample.heap);
      search.push(sample.search);
      opens.push(...sample.opens);
      longTasks = Math.max(longTasks, sample.longTasks);
    }
    const sorted = [...opens].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
    const first = stats(firstList);
    return {
      renderer_first_list: first,
      renderer_heap: stats(heap),
      renderer_search_ms: stats(search),
      renderer_open_email: { ...stats(opens), p95: round(p95) },
      renderer_first_list_median: first.median,
      renderer_open_email_p95: round(p95),
      // The most long tasks (over 50 ms) seen while scrolling the whole list, over the runs.
      renderer_long_tasks_scroll: longTasks,
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
