import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

const DAY_MS = 86_400_000;
let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;
/** The core's clock: a Monday at noon, moved forward by the tests. */
let now = new Date('2024-12-02T12:00:00Z');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-pace-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 12 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    now: () => now,
  });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

async function courseId(): Promise<string> {
  const [course] = await app.core.courses();
  return course!.id;
}

/** What a sighted learner reads: the text with its line breaks as spaces. */
async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

const summary = (page: Page) => text(page.locator('.progress-summary'));
const row = (page: Page, n: number) => page.getByRole('option').nth(n - 1);

/** The progress header is one line; its details (bar, next, plan buttons) open on demand. */
async function openDetails(page: Page): Promise<void> {
  const panel = page.locator('#progress-details');
  if (!(await panel.isVisible())) {
    await page.getByRole('button', { name: 'Progress details' }).click();
  }
  await panel.waitFor();
}

// One learner's weeks with a plan, in order: each step starts where the last one ended.
describe.skipIf(!chromium)('own pace: plan, progress, catch up, settings and backup', () => {
  test('following opens the plan set-up with each pace’s length and a live preview', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Follow this course' }).click();
    await page.getByRole('heading', { name: 'Set your pace' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor({ timeout: 30_000 });
    // 12 emails sent 3 days apart: 33 days as sent, from Monday 2 December.
    const asSent = page.getByRole('radio', { name: /^As sent/ });
    await expect
      .poll(() => text(page.locator('.pace-choice').first()))
      .toBe('As sent — about 5 weeks, finishing Sat, 4 Jan 2025');
    expect(await asSent.isChecked()).toBe(true);
    await expect
      .poll(() => text(page.locator('.pace-choice').nth(1)))
      .toMatch(/Half speed — about 10 weeks/);

    await page.getByRole('spinbutton', { name: 'Emails a week' }).fill('3');
    expect(await page.getByRole('radio', { name: 'Custom:' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Saturday' }).uncheck();
    await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
    await expect
      .poll(() => page.locator('.plan-preview').innerText())
      .toMatch(/^You would finish on .*: 12 emails over about 4 weeks\. The first is due today\.$/);
  });

  test('starting with the plan saves it and shows the progress header', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start studying' }).click();
    await page.getByRole('listbox').waitFor();
    const { plan } = await app.core.progress(await courseId());
    expect(plan.pace).toEqual({ kind: 'per-week', perWeek: 3 });
    expect(plan.studyDays).toEqual([1, 2, 3, 4, 5]);
    await expect.poll(() => summary(page)).toMatch(/^0\/12 done\s*On track\s*next due today$/);
    await openDetails(page);
    const bar = page.getByRole('progressbar', { name: 'Course progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    expect(await text(page.locator('.progress-next'))).toBe(
      'Next: #1 Welcome to the Gentle Introduction to Python due today',
    );
    expect(await row(page, 1).innerText()).toContain('due today');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#progress-details').isVisible()).toBe(false);
  });

  test('emails are marked done with the checkbox and x; the header follows', async () => {
    const { page } = app;
    await row(page, 1).locator('.done-box').click();
    await expect.poll(() => row(page, 1).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => summary(page)).toMatch(/^1\/12 done\s*On track/);
    // The streak is in the details, drawn when the learner opens them.
    await openDetails(page);
    expect(await text(page.locator('.progress-detail-line'))).toContain('1-day streak');
    await page.keyboard.press('Escape');

    await page.getByRole('listbox').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => row(page, 3).getAttribute('aria-checked')).toBe('true');
    expect(await row(page, 2).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => summary(page)).toMatch(/^3\/12 done\s*2 ahead/);
    // The bar is in the details: open them to read it, then back to the list.
    await openDetails(page);
    const bar = page.getByRole('progressbar', { name: 'Course progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('25');
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').focus();

    // x again undoes; the core agrees with the screen.
    await page.keyboard.press('x');
    await expect.poll(() => summary(page)).toMatch(/^2\/12 done\s*1 ahead/);
    await page.keyboard.press('x');
    await expect.poll(() => summary(page)).toMatch(/^3\/12 done/);
    const emails = await app.core.emails(await courseId());
    expect(emails.map((e) => e.done)).toEqual([true, true, true, ...Array<boolean>(9).fill(false)]);
  });

  test('the reader marks done, stars, and keeps a note', async () => {
    const { page } = app;
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Lesson 4/ }).waitFor();
    // Done & next: marked, and the next email not done opens.
    await page.getByRole('button', { name: 'Done & next' }).first().click();
    await expect.poll(() => row(page, 4).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('heading', { level: 2, name: /Lesson 5/ }).waitFor();
    await row(page, 4).click();
    await page.getByRole('heading', { level: 2, name: /Lesson 4/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Done' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Star' }).click();
    await page.getByRole('button', { name: 'Starred' }).waitFor();
    await page.getByRole('textbox', { name: 'Your note' }).fill('Ask the group about range()');
    await page.getByRole('textbox', { name: 'Your note' }).blur();
    await page.getByText('Note saved.').waitFor();
    const fourth = (await app.core.emails(await courseId()))[3]!;
    const stored = await app.core.email(fourth.id);
    expect([stored.done, stored.starred, stored.note]).toEqual([
      true,
      true,
      'Ask the group about range()',
    ]);
  });

  test('two weeks later the header says behind; Catch up makes the earliest open email due today', async () => {
    const { page } = app;
    now = new Date(now.getTime() + 14 * DAY_MS);
    await page.reload();
    await expect.poll(() => summary(page)).toMatch(/^4\/12 done\s*\d+ behind/);
    expect(await row(page, 5).innerText()).toMatch(/overdue \d+ days/);
    await openDetails(page);
    await page.getByRole('button', { name: 'Catch up' }).click();
    await expect.poll(() => summary(page)).toMatch(/^4\/12 done\s*On track/);
    expect(await row(page, 5).innerText()).toContain('due today');
    expect(await text(page.locator('.progress-next'))).toMatch(/^Next: #5 .* due today$/);
    expect(await page.getByRole('button', { name: 'Catch up' }).count()).toBe(0);
    const { status } = await app.core.progress(await courseId());
    expect(status.standing).toEqual({ kind: 'on-track' });
    expect(status.next?.dueOn).toBe(status.today);
  });

  test('Pause and Resume', async () => {
    const { page } = app;
    await openDetails(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => summary(page)).toMatch(/Paused/);
    expect((await app.core.progress(await courseId())).status.paused).toBe(true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => summary(page)).toMatch(/On track/);
    expect((await app.core.progress(await courseId())).status.paused).toBe(false);
  });

  test('an impossible plan shows the core’s sentence and the saved plan stays as it was', async () => {
    const { page } = app;
    const before = (await app.core.progress(await courseId())).plan;
    await openDetails(page);
    await page.getByRole('button', { name: 'Change plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your plan' });
    await dialog.waitFor();
    await dialog.getByRole('spinbutton', { name: 'Emails a week' }).fill('0');
    await expect
      .poll(() => dialog.locator('.plan-preview').innerText())
      .toMatch(/^0 emails per week is not possible/);
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toMatch(
        /^Your plan was not changed\. 0 emails per week is not possible\. Choose a whole number/,
      );
    expect((await app.core.progress(await courseId())).plan).toEqual(before);

    await dialog.getByRole('spinbutton', { name: 'Emails a week' }).fill('3');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await dialog.getByRole('checkbox', { name: day }).uncheck();
    }
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toBe('Your plan was not changed. Choose at least one study day in the week.');
    expect((await app.core.progress(await courseId())).plan).toEqual(before);
    await dialog.getByRole('checkbox', { name: 'Monday' }).check();

    // A year the calendar cannot hold: the core names the date.
    const start = dialog.getByLabel('Start on');
    await start.fill('3100-01-01');
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toMatch(/^Your plan was not changed\. The start date \(“3100-01-01”\) is not a real date\./);
    // A half-typed date cannot even be sent: the field itself says so.
    await start.fill('');
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toBe('Enter the day you want to start.');
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    expect(await start.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.core.progress(await courseId())).plan).toEqual(before);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
