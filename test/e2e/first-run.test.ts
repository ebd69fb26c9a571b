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
import { backgroundLuminance } from './page-checks';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let course: CourseFeeds;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-catalog-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 12 }, (_, i) => coursePost(i + 1, feeds.origin));
  course = serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  browser = await launchBrowser(chromium);
  app = await openApp(browser, { catalogPath: await writeLoopbackCatalog(dir, feeds.origin) });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

// One learner's first session, in order: each step starts where the last one ended.
describe.skipIf(!chromium)('first run to reading offline', () => {
  test('the welcome screen offers the catalog course and its sequence', async () => {
    const { page } = app;
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome to Studyline' }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'A Gentle Introduction to Python' }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('radio', { name: /Sequence of 21 October 2013/ }).isChecked()).toBe(
      true,
    );
    expect(await page.getByText('Started Mon, 21 Oct 2013').isVisible()).toBe(true);
  });

  test('following the course shows the sync progress page by page, with Cancel', async () => {
    const { page } = app;
    const hold = course.holdPageTwo();
    await page.getByRole('button', { name: 'Follow this course' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Syncing' });
    await expect.poll(() => status.textContent()).toMatch(/page 1: 10 emails saved/);
    expect(await page.getByText('Page 1 · 10 emails (10 new)').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    // The plan is set up while the emails arrive.
    expect(await page.getByRole('heading', { name: 'Set your pace' }).isVisible()).toBe(true);
    hold.release();
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Start studying' }).click();
    await expect.poll(() => page.getByRole('listbox').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  test('the library lists the emails in sequence order with week, due date and read state', async () => {
    const { page } = app;
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBe(12);
    await expect.poll(() => options.nth(0).innerText()).toContain('due today');
    const first = await options.nth(0).innerText();
    expect(first).toContain('Welcome to the Gentle Introduction to Python');
    expect(first).toContain('Week 1');
    expect(first).toContain('Unread');
    expect(await options.nth(0).locator('.email-meta').getAttribute('title')).toBe(
      'Sent Mon, 21 Oct 2013',
    );
    expect(await options.nth(1).innerText()).toContain('Lesson 2');
    expect(await options.nth(11).innerText()).toContain('Lesson 12');
    expect(await options.nth(11).innerText()).toContain('Week 5');
    expect(await page.getByText('12 emails · 0 read').isVisible()).toBe(true);
  });

  test('an email opens offline with its cached picture and monospace code', async () => {
    const { page, server } = app;
    await feeds.close();
    await page.getByRole('option').nth(0).click();
    const heading = page.getByRole('heading', {
      level: 1,
      name: 'Welcome to the Gentle Introduction to Python',
    });
    await expect.poll(() => heading.isVisible()).toBe(true);
    const image = page.locator('.email-body img');
    expect(await image.getAttribute('src')).toMatch(/^\/assets-cache\//);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(480);
    expect(server.assetRequests.length).toBeGreaterThan(0);
    const code = page.locator('.email-body pre');
    expect(await code.innerText()).toContain('print("step", step)');
    expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await expect.poll(() => page.getByRole('option').nth(0).innerText()).not.toContain('Unread');
  });

  test('links in the email and "Ask for help" open in the browser, never in the app', async () => {
    const { page, opened } = app;
    const before = page.url();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.locator('.email-body').getByRole('link', { name: 'the Python tutorial' }).click();
    await expect.poll(() => opened).toContain('https://docs.python.org/3/tutorial/');
    await page.getByRole('button', { name: 'Ask for help in MIT 6.189 (OCW)' }).click();
    await expect.poll(() => opened).toContain('https://openstudy.example/6189');
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('after a restart, keyboard alone: skip link first, j/k move the selection, Enter opens', async () => {
    const { page } = app;
    await page.reload();
    const list = page.getByRole('listbox');
    await expect.poll(() => list.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to the email',
    );
    await list.focus();
    const selected = page.locator('[role="option"][aria-selected="true"]');
    const position = async () => Number(await selected.getAttribute('aria-posinset'));
    // The cursor starts on the first unread email: the first one was read before the restart.
    expect(await position()).toBe(2);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(position).toBe(4);
    await page.keyboard.press('k');
    await expect.poll(position).toBe(3);
    await page.keyboard.press('ArrowDown');
    await expect.poll(position).toBe(4);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText()).toBe('Lesson 4: loops and lists, part 4');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email-list');
  });

  test('a clicked reminder (handed over as main does) opens its email in the library', async () => {
    const { page, core } = app;
    const [course] = await core.courses();
    const ninth = (await core.emails(course!.id))[8]!;
    app.openEmail({ courseId: course!.id, emailId: ninth.id });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Lesson 9: loops and lists, part 9');
    const selected = page.locator('[role="option"][aria-selected="true"]');
    expect(await selected.getAttribute('aria-posinset')).toBe('9');
  });

  test('dark mode follows the OS and stays readable', async () => {
    const { page } = app;
    expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);
    expect(await backgroundLuminance(page, '.email-body pre')).toBeLessThan(0.1);
    const text = await page.locator('.email-heading').evaluate((el) => getComputedStyle(el).color);
    expect(text).not.toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('no script error happened in the page', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
