import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/**
 * The steps of the renderer benchmark, each run in the page. Every wait is
 * bounded: a step that cannot finish fails with what it was waiting for,
 * instead of leaving `npm run bench` idle for ever.
 */

/** The longest any one step may take, even on a loaded 2-core machine. */
export const STEP_LIMIT_MS = 60_000;

export interface ListTiming {
  /** Every long task (over 50 ms) of the page: start and duration, ms. */
  __longTasks?: [number, number][];
}

/** Settles as `work` does, or fails after `ms` saying which step did not finish. */
export async function within<T>(what: string, work: Promise<T>, ms = STEP_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`renderer bench: ${what} did not happen within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The console line watchForList writes in the frame that paints the list, then its time. */
export const LIST_PAINTED = 'studyline-bench: list painted at';

/**
 * Runs in the page before its scripts: says (on the console) when the first
 * frame is painted after a row of the full list appears (ms since navigation
 * start), and notes every long task.
 */
export function watchForList({ expected, says }: { expected: number; says: string }): void {
  const timing = window as unknown as ListTiming;
  timing.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      timing.__longTasks?.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(`[role="option"][aria-setsize="${expected}"]`)) return;
    observer.disconnect();
    requestAnimationFrame(() => console.debug(`${says} ${performance.now()}`));
  });
  observer.observe(document, { subtree: true, childList: true });
}

/**
 * Settles with the time watchForList says, heard on the context's console: listen
 * before the page loads. Waiting in the page instead (waitForFunction) made Playwright
 * inject its own 330 KB script there while the list was on its way, ~25 ms of the
 * page's main thread inside the very time being measured.
 */
export function listPainted(context: BrowserContext): Promise<number> {
  return new Promise((resolve) => {
    const heard = (message: ConsoleMessage) => {
      const text = message.text();
      if (!text.startsWith(LIST_PAINTED)) return;
      context.off('console', heard);
      resolve(Number(text.slice(LIST_PAINTED.length)));
    };
    context.on('console', heard);
  });
}

/** Ms from navigation start to the painted list, as listPainted hears it. */
export function firstListMs(painted: Promise<number>, expected: number): Promise<number> {
  return within(`the list of ${expected} emails on screen`, painted);
}

/**
 * Scrolls the list from top to bottom a screen at a time, one frame per step,
 * as a reader flicking through; answers the long tasks (over 50 ms) meanwhile.
 */
export async function scrollEndToEnd(page: Page): Promise<number> {
  const work = page.locator('#email-list').evaluate(async (list, limit) => {
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    const from = performance.now();
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      if (performance.now() - from > limit) throw new Error(`list stuck at ${list.scrollTop} px`);
      list.scrollTop += list.clientHeight;
      await new Promise((done) => requestAnimationFrame(done));
    }
    // Long tasks are reported after they end: one more frame lets the last one in.
    await new Promise((done) => requestAnimationFrame(done));
    const tasks = (window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? [];
    return tasks.filter(([start, duration]) => start + duration >= from && duration > 50).length;
  }, STEP_LIMIT_MS);
  return within('scrolling the list end to end', work);
}

/**
 * Opens emails one after another from the list (a click on a row, as a
 * learner would): ms from the click to the frame that shows the email's title.
 */
export async function openEmails(page: Page, count: number): Promise<number[]> {
  const work = page.locator('#email-list').evaluate(
    async (list, [count, limit]) => {
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
          if (performance.now() - start > limit) throw new Error(`“${title}” never opened`);
          await new Promise((done) => requestAnimationFrame(done));
        }
        await new Promise((done) => requestAnimationFrame(done));
        times.push(performance.now() - start);
      }
      return times;
    },
    [count, STEP_LIMIT_MS] as const,
  );
  return within(`opening ${count} emails`, work);
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / (1024 * 1024);
}

interface SearchTiming {
  __searchKeyAt?: number;
  __searchShownAt?: number;
}

/**
 * Keystroke to results painted: types "lesso" then, timed, "n"; done once the
 * results list shows the answer for "lesson" and a frame has been painted.
 * Includes the field's pause before it searches (SEARCH_DELAY_MS).
 */
export async function searchOnce(page: Page): Promise<number> {
  await page.keyboard.press('/');
  await page.keyboard.type('lesso');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await within('search results for “lesso”', results.getByRole('option').first().waitFor());
  // The watchers are in place before the timed key is typed: started in the same breath,
  // the key could reach the page first and the watch would wait for a keydown already past.
  await page.evaluate(() => {
    const timing = window as unknown as SearchTiming;
    const input = document.getElementById('search-field') as HTMLInputElement;
    timing.__searchKeyAt = timing.__searchShownAt = undefined;
    input.addEventListener('keydown', () => (timing.__searchKeyAt = performance.now()), {
      once: true,
    });
    // Done when the list shows the answer to "lesson" itself: the answer to "lesso" may
    // look the same (its completions mark "lesson" too), so the list says which text it answers.
    const observer = new MutationObserver(() => {
      const list = document.getElementById('search-results');
      if (!timing.__searchKeyAt || input.value !== 'lesson') return;
      if (list?.dataset.query !== 'lesson' || !list.querySelector('mark')) return;
      observer.disconnect();
      requestAnimationFrame(() => (timing.__searchShownAt = performance.now()));
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-query'],
    });
  });
  await page.keyboard.type('n');
  const shown = await within(
    'search results for “lesson” after its last key',
    page.waitForFunction(
      () => {
        const timing = window as unknown as SearchTiming;
        return timing.__searchShownAt && timing.__searchKeyAt
          ? timing.__searchShownAt - timing.__searchKeyAt
          : undefined;
      },
      null,
      { timeout: STEP_LIMIT_MS },
    ),
  );
  const ms = (await shown.jsonValue()) as number;
  await page.keyboard.press('Escape');
  return ms;
}
