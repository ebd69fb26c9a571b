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
    // Studying starts on the email due: it opens by itself, and the reader has the focus.
    const heading = page.getByRole('heading', { level: 2, name: /^Welcome to the Gentle/ });
    await expect.poll(() => heading.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reader');
  });

  test('the library lists the emails in sequence order with week, due date and read state', async () => {
    const { page } = app;
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBe(12);
    await expect.poll(() => options.nth(0).innerText()).toContain('due today');
    const first = await options.nth(0).innerText();
    expect(first).toContain('Welcome to the Gentle Introduction to Python');
    // The learner's week of their plan, not the week the email was first sent.
    expect(first).toContain('Week 1');
    expect(await options.nth(1).innerText()).toContain('Unread');
    expect(await options.nth(0).locator('.email-meta').getAttribute('title')).toBe(
      'Sent Mon, 21 Oct 2013',
    );
    expect(await options.nth(1).innerText()).toContain('Lesson 2');
    expect(await options.nth(11).innerText()).toContain('Lesson 12');
    expect(await options.nth(11).innerText()).toContain('Week 5');
    // One line: where the learner stands; the details wait behind a button.
    expect(await page.locator('.progress-summary').innerText()).toMatch(/^0\/12 done/);
  });

  test('an email opens offline with its cached picture and monospace code', async () => {
    const { page, server } = app;
    await feeds.close();
    await page.getByRole('option').nth(0).click();
    const heading = page.getByRole('heading', {
      level: 2,
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
    // The byline says when it was sent; the body no longer repeats it.
    expect(await page.locator('.email-byline').innerText()).toContain('Sent Mon, 21 Oct 2013');
    expect(await page.locator('.email-body').innerText()).not.toContain('Seq21Oct13: Sent');
  });

  test('links in the email and the groups open in the browser, never in the app', async () => {
    const { page, opened } = app;
    const before = page.url();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.locator('.email-body').getByRole('link', { name: 'the Python tutorial' }).click();
    await expect.poll(() => opened).toContain('https://docs.python.org/3/tutorial/');
    // OpenStudy has closed: its groups are history, and the one place to ask is the forum.
    await page.getByRole('button', { name: 'Ask in Python help forum' }).click();
    await expect.poll(() => opened).toContain('https://forum.example/help');
    expect(await page.getByText('Opened in your browser').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /MIT 6\.189/ }).count()).toBe(0);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('after a restart, keyboard alone: the due email, skip link first, j/k move, Enter opens', async () => {
    const { page } = app;
    await page.reload();
    const list = page.getByRole('listbox');
    await expect.poll(() => list.isVisible()).toBe(true);
    // The due email opened by itself, with the focus; from the top of the page, the skip link comes first.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reader');
    const firstStop = () =>
      page.evaluate(() => document.querySelector('a[href], button, [tabindex="0"]')?.textContent);
    expect(await firstStop()).toBe('Skip to the email');
    await list.focus();
    const selected = page.locator('[role="option"][aria-selected="true"]');
    const position = async () => Number(await selected.getAttribute('aria-posinset'));
    // Studying starts again on the email due (#1, not done yet), and the cursor with it.
    expect(await position()).toBe(1);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(position).toBe(4);
    await page.keyboard.press('k');
    await expect.poll(position).toBe(3);
    await page.keyboard.press('ArrowDown');
    await expect.poll(position).toBe(4);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /^Lesson/ });
    await expect.poll(() => heading.innerText()).toBe('Lesson 4: loops and lists, part 4');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email-list');
  });

  test('a clicked reminder (handed over as main does) opens its email in the library', async () => {
    const { page, core } = app;
    const [course] = await core.courses();
    const ninth = (await core.emails(course!.id))[8]!;
    app.openEmail({ courseId: course!.id, emailId: ninth.id });
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Lesson/ }).innerText())
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
