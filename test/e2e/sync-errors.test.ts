import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import type { CourseFeeds } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let course: CourseFeeds;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-errors-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 4 }, (_, i) => coursePost(i + 1, feeds.origin));
  course = serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  course.setGroupFailing(true);
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

describe.skipIf(!chromium)('sync problems', () => {
  test('a failing study group feed shows its error in words, and Retry fixes it', async () => {
    const { page, core } = app;
    const failing = (await core.sources()).find((s) => s.status === 'error');
    expect(failing?.error).toBeTruthy();
    const banner = page.getByRole('region', { name: 'One source could not be synced' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toContain('Python help forum');
    expect(await banner.innerText()).toContain(failing!.error!);
    expect(await page.getByRole('option').count()).toBe(4);

    course.setGroupFailing(false);
    await banner.getByRole('button', { name: 'Retry Python help forum' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    const group = page.getByRole('region', { name: 'Python help forum' });
    await expect.poll(() => group.innerText()).toContain('How do I fix question 1?');
    expect(await group.innerText()).toMatch(/Active · 3 posts this week/);
  });

  test('with a failing source at 1280 px, the header keeps the course name and the sync line readable', async () => {
    const { page } = app;
    course.setGroupFailing(true);
    await page.getByRole('button', { name: 'Sync now' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Synced with problems/ });
    await status.waitFor();
    await page.getByRole('button', { name: 'Sources (1 failing)' }).waitFor();
    const width = (selector: string) =>
      page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);
    // Both give way together: neither shrinks to a bare letter ("A …").
    expect(await width('.course-menu-title')).toBeGreaterThan(120);
    expect(await width('.sync-status')).toBeGreaterThan(90);
    // The whole line is still there for a tooltip and for screen readers.
    expect(await status.getAttribute('title')).toMatch(/^Synced with problems/);

    course.setGroupFailing(false);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Sources', exact: true }).count())
      .toBe(1);
  });

  test('offline, the library says it shows the saved copy and keeps the emails readable', async () => {
    const { page } = app;
    await feeds.close();
    await page.locator('#email-list').focus();
    await page.keyboard.press('r');
    const offline = page.getByText(/Offline — showing your saved copy from/);
    await expect.poll(() => offline.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('option').nth(1).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Lesson/ }).innerText())
      .toBe('Lesson 2: loops and lists, part 2');
  });

  test('offline, following a pasted address says it is offline, in words', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Course: / }).click();
    await page.getByRole('button', { name: 'Add a course…' }).click();
    const field = page.getByRole('textbox');
    await field.fill(`${feeds.origin}/category/python/`);
    await field.press('Enter');
    // Said at the field, which is marked invalid and keeps the focus.
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/^Offline — Could not connect to /);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
