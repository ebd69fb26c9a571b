import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts, rssPage } from '../helpers/wordpress-feed';
import { coursePost, FEED_PATH, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import { expectNoAxeViolations, focusedId, rowsVisible } from './loop-helpers';

const chromium = toolPath('chromium');
let feeds: FeedServer;
let browser: Browser;
let dir: string;
let catalogPath: string;
const OTHER_FEED = '/evenings/feed/';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-panes-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 16 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  // Page 2 of the archive stays down: the library says its earliest emails may be missing.
  feeds.route(`${FEED_PATH}?paged=2`, serveBody('<h1>Busy</h1>', { status: 503 }));
  // A second course, followed by its address: the learner switches to it.
  feeds.route(
    OTHER_FEED,
    serveBody(rssPage(makePosts(3, { seq: 'Other' }), feeds.origin, 'Data Science Evenings'), {
      headers: { 'content-type': 'application/rss+xml; charset=UTF-8' },
    }),
  );
  catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  if (chromium) browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

const prepare = async (core: StudylineCore) => {
  const followed = await core.follow({ sequenceId: 'seq21oct13' });
  await core.sync({ courseId: followed.id });
};

/** Whether the row with this text is wholly inside the list's box. */
const rowInView = (page: Page, title: RegExp) =>
  page.getByRole('option', { name: title }).evaluate((row) => {
    const list = document.getElementById('email-list')!.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
  });

const listWidth = (page: Page) =>
  page.locator('#list-pane').evaluate((el) => Math.round(el.getBoundingClientRect().width));

describe.skipIf(!chromium)('the panes', () => {
  test('at 800×600 with a banner shown, the list still shows at least 6 whole rows', async () => {
    const app = await openApp(browser, {
      catalogPath,
      viewport: { width: 800, height: 600 },
      prepare,
    });
    try {
      const { page } = app;
      const banner = page.getByRole('status').filter({ hasText: 'may be missing' });
      await banner.waitFor();
      await page.getByRole('option').first().waitFor();
      expect(await rowsVisible(page)).toBeGreaterThanOrEqual(6);
      await expectNoAxeViolations(page, 'library with a banner, 800×600');
    } finally {
      await app.close();
    }
  });

  test('the list keeps the width the learner gave it (keyboard) after a reload', async () => {
    const app = await openApp(browser, {
      catalogPath,
      viewport: { width: 1280, height: 800 },
      prepare,
    });
    try {
      const { page } = app;
      await page.getByRole('option').first().waitFor();
      const before = await listWidth(page);
      const splitter = page.getByRole('separator', { name: 'Resize the email list' });
      await splitter.focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Five steps of 16 px with Shift, one without.
      await expect.poll(() => listWidth(page)).toBe(before + 96);
      expect(await splitter.getAttribute('aria-valuenow')).toBe(String(before + 96));
      expect(await splitter.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.reload();
      await page.getByRole('option').first().waitFor();
      await expect.poll(() => listWidth(page)).toBe(before + 96);
      // After the reload the focus is where studying goes on, not on the page body.
      await expect.poll(() => focusedId(page)).toMatch(/^(reader|email-list)$/);
      await splitter.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => listWidth(page)).toBe(before);
    } finally {
      await app.close();
    }
  });

  test('the window reopens on the course the learner last had on screen, asking for it at once', async () => {
    let other = '';
    const app = await openApp(browser, {
      catalogPath,
      viewport: { width: 1280, height: 800 },
      prepare: async (core) => {
        await prepare(core);
        other = (await core.follow({ url: `${feeds.origin}${OTHER_FEED}` })).id;
        await core.sync({ courseId: other });
      },
    });
    try {
      const { page } = app;
      await page.getByRole('option').first().waitFor();
      await page.getByRole('button', { name: /^Course: / }).click();
      await page.getByRole('button', { name: 'Data Science Evenings' }).click();
      await expect.poll(() => page.getByRole('option').count()).toBe(3);

      const before = app.requests.length;
      await page.reload();
      await page.getByRole('button', { name: 'Course: Data Science Evenings' }).waitFor();
      await expect.poll(() => page.getByRole('option').count()).toBe(3);
      const asked = app.requests.slice(before);
      // Its emails were asked with the library, not after it; the first course's never were.
      const emailsAsked = asked.filter((r) => r.channel === 'emails:list').map((r) => r.args[0]);
      expect(emailsAsked).toEqual([other]);
      // Asked before the window's ready handshake, which the page's script sends in the same
      // task as the library's request: so before any answer could have come back.
      const index = (channel: string) => asked.findIndex((r) => r.channel === channel);
      expect(index('emails:list')).toBeGreaterThanOrEqual(0);
      expect(index('emails:list')).toBeLessThan(index('app:ready'));
      expect(index('status:get')).toBeLessThan(index('app:ready'));
    } finally {
      await app.close();
    }
  });

  test('the row of the email due is in view at launch, low in the list, and the cursor keeps its row in view', async () => {
    let titles: string[] = [];
    const app = await openApp(browser, {
      catalogPath,
      viewport: { width: 800, height: 600 },
      prepare: async (core) => {
        await prepare(core);
        const [course] = await core.courses();
        const emails = await core.emails(course!.id);
        titles = emails.map((e) => e.title);
        // All but the last two done: the one due is below the first screen of rows.
        await core.setDoneUpTo(emails.at(-3)!.id);
      },
    });
    const row = (n: number) => new RegExp(`^${titles.at(n)!.split(':')[0]}:`);
    try {
      const { page } = app;
      expect(titles.length).toBeGreaterThanOrEqual(9);
      await page.getByRole('option', { name: row(-2) }).waitFor();
      await expect.poll(() => rowInView(page, row(-2))).toBe(true);
      expect(await rowInView(page, row(0))).toBe(false);

      // Home goes to the top of the list, j down a row, End to the bottom: the list follows.
      await page.locator('#email-list').focus();
      await page.keyboard.press('Home');
      await expect.poll(() => rowInView(page, row(0))).toBe(true);
      for (let i = 0; i < 7; i++) await page.keyboard.press('j');
      await expect.poll(() => rowInView(page, row(7))).toBe(true);
      expect(await rowInView(page, row(0))).toBe(false);
      await page.keyboard.press('End');
      await expect.poll(() => rowInView(page, row(-1))).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('a library slow to open says so, busy, then shows the course', async () => {
    // The library's status answers 3 s late, as from a slow or sleeping disk.
    const app = await openApp(browser, {
      catalogPath,
      prepare,
      slowChannels: { 'status:get': 3_000 },
    });
    try {
      const { page } = app;
      const opening = page.getByRole('status').filter({ hasText: 'Opening your library…' });
      await opening.waitFor();
      expect(await page.locator('main.app-state').getAttribute('aria-busy')).toBe('true');
      // Then the course's emails, and the message gone.
      await page.getByRole('option').first().waitFor({ timeout: 15_000 });
      expect(await opening.count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
