import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { paginate, rssPage } from '../helpers/wordpress-feed';
import { coursePost, FEED_PATH, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';

const chromium = toolPath('chromium');
let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;
let pageTwoDown = true;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-gap-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 16 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  // Page 2 of the archive (emails 6 to 1) fails until the test lets it through.
  const pageTwo = rssPage(paginate([...posts].reverse())[1]!, feeds.origin);
  feeds.route(`${FEED_PATH}?paged=2`, (req, res) =>
    pageTwoDown
      ? serveBody('<h1>Busy</h1>', { status: 503 })(req, res)
      : serveBody(pageTwo, { headers: { 'content-type': 'application/rss+xml' } })(req, res),
  );
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    prepare: async (core) => {
      const followed = await core.follow({ sequenceId: 'seq21oct13' });
      await core.sync({ courseId: followed.id });
    },
  });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('an archive that could not be read to its first email', () => {
  test('says the earliest emails may be missing; Retry completes it and renumbers the open email in place', async () => {
    const { page } = app;
    const banner = page.getByRole('status').filter({ hasText: 'may be missing' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toMatch(/The earliest 10 emails may be missing/);
    // The list is virtual (rows outside the view are not drawn): count by the progress line.
    const meta = page.locator('.progress-summary');
    await expect.poll(() => meta.innerText()).toMatch(/^0\/10 done/);

    // The first email on screen is really email 7; for now it shows as the first.
    await page.getByRole('option').nth(0).click();
    const eyebrow = page.locator('.email-eyebrow');
    await expect.poll(() => eyebrow.innerText()).toMatch(/^Email 1 of 10/i);

    pageTwoDown = false;
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => meta.innerText()).toMatch(/^0\/16 done/);
    // Refreshed in place: still open, now in its real place.
    await expect.poll(() => eyebrow.innerText()).toMatch(/^Email 7 of 16/i);
    expect(await page.getByRole('heading', { level: 2, name: /^Lesson/ }).innerText()).toBe(
      'Lesson 7: loops and lists, part 7',
    );
  });
});
