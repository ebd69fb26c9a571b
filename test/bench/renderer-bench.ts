import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { launchBrowser, openApp } from '../e2e/harness';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts, rssPage } from '../helpers/wordpress-feed';
import { round, stats } from './stats';
import type { Stats } from './stats';

const EMAILS = 1_000;

interface ListTiming {
  __listReadyAt?: number;
  /** Every long task (over 50 ms) of the page: start and duration, ms. */
  __longTasks?: [number, number][];
}

/**
 * Runs in the page before its scripts: notes the first frame painted after a
 * row of the full list appears (ms since navigation start), and every long task.
 */
function watchForList(expected: number): void {
  const timing = window as unknown as ListTiming;
  timing.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      timing.__longTasks?.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(`[role="option"][aria-setsize="${expected}"]`)) return;
    observer.disconnect();
    requestAnimationFrame(
      () => ((window as unknown as ListTiming).__listReadyAt = performance.now()),
    );
  });
  observer.observe(document, { subtree: true, childList: true });
}

/**
 * Scrolls the list from top to bottom a screen at a time, one frame per step,
 * as a reader flicking through; answers the long tasks (over 50 ms) meanwhile.
 */
async function scrollEndToEnd(page: Page): Promise<number> {
  return page.locator('#email-list').evaluate(async (list) => {
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    const from = performance.now();
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      list.scrollTop += list.clientHeight;
      await new Promise((done) => requestAnimationFrame(done));
    }
    // Long tasks are reported after they end: one more frame lets the last one in.
    await new Promise((done) => requestAnimationFrame(done));
    const tasks = (window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? [];
    return tasks.filter(([start, duration]) => start + duration >= from && duration > 50).length;
  });
}

/**
 * Opens emails one after another from the list (a click on a row, as a
 * learner would): ms from the click to the frame that shows the email's title.
 */
async function openEmails(page: Page, count: number): Promise<number[]> {
  return page.locator('#email-list').evaluate(async (list, count) => {
    list.scrollTop = 0;
    await new Promise((done) => requestAnimationFrame(done));
    const times: number[] = [];
    for (let i = 1; i <= count; i++) {
      const row = list.querySelectorAll<HTMLElement>('[role="option"]')[i % 6];
      const title = row?.querySelector('.email-title')?.textContent ?? '';
      const shown = document.getElementById('email-heading');
      if (!row || shown?.textContent === title) continue;
      const start = performance.now();
      row.click();
      // No named helpers in here (see scrollEndToEnd): the heading is read in the loop itself.
      while (document.getElementById('email-heading')?.textContent !== title) {
        await new Promise((done) => requestAnimationFrame(done));
      }
      await new Promise((done) => requestAnimationFrame(done));
      times.push(performance.now() - start);
    }
    return times;
  }, count);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / (1024 * 1024);
}

/**
 * Keystroke to results painted: types "lesso" then, timed, "n"; done once the
 * results list shows the answer for "lesson" and a frame has been painted.
 * Includes the field's pause before it searches (SEARCH_DELAY_MS).
 */
async function searchOnce(page: Page): Promise<number> {
  await page.keyboard.press('/');
  await page.keyboard.type('lesso');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
  const done = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const input = document.getElementById('search-field') as HTMLInputElement;
        let start = 0;
        input.addEventListener('keydown', () => (start = performance.now()), { once: true });
        // Done when the list shows the answer to "lesson" itself: the answer to "lesso" may
        // look the same (its completions mark "lesson" too), so the list says which text it answers.
        const observer = new MutationObserver(() => {
          const list = document.getElementById('search-results');
          if (!start || input.value !== 'lesson' || list?.dataset.query !== 'lesson') return;
          if (!list.querySelector('mark')) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['data-query'],
        });
      }),
  );
  await page.keyboard.type('n');
  const ms = await done;
  await page.keyboard.press('Escape');
  return ms;
}

async function measureOnce(browser: Browser, catalogPath: string, dataDir: string) {
  const app = await openApp(browser, {
    catalogPath,
    dataDir,
    beforeLoad: async (context) => {
      await context.addInitScript(watchForList, EMAILS);
    },
  });
  try {
    const handle = await app.page.waitForFunction(
      () => (window as unknown as ListTiming).__listReadyAt,
      null,
      {
        timeout: 60_000,
      },
    );
    const firstList = (await handle.jsonValue()) as number;
    const longTasks = await scrollEndToEnd(app.page);
    const opens = await openEmails(app.page, 20);
    const heap = await heapMb(app.page);
    return { firstList, heap, longTasks, opens, search: await searchOnce(app.page) };
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

    await measureOnce(browser, catalogPath, dataDir); // warm-up: build, disk cache, JIT
    const firstList: number[] = [];
    const heap: number[] = [];
    const search: number[] = [];
    const opens: number[] = [];
    let longTasks = 0;
    for (let i = 0; i < runs; i++) {
      const sample = await measureOnce(browser, catalogPath, dataDir);
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
