import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { serveDemo, type DemoFeeds } from './demo/demo-feeds';
import { buildDemoLibrary } from './demo/demo-progress';
import { launchBrowser, openApp, type AppSession } from './harness';

const chromium = toolPath('chromium');

let server: FeedServer;
let browser: Browser;
let dir: string;
let feeds: DemoFeeds;
let dataDir: string;

/** A star and a note on the turtle email (week 4), a star on the dictionaries one. */
async function marks(core: StudylineCore): Promise<void> {
  const [course] = await core.courses();
  const emails = await core.emails(course!.id);
  await core.setStarred(emails[6]!.id, true);
  await core.setNote(emails[6]!.id, 'The spiral: turn a little less than 90 degrees each time.');
  await core.setStarred(emails[8]!.id, true);
}

beforeAll(async () => {
  if (!chromium) return;
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-search-'));
  server = await startFeedServer();
  feeds = await serveDemo(server, dir);
  dataDir = join(dir, 'library');
  await buildDemoLibrary(dataDir, feeds);
  browser = await launchBrowser(chromium);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<AppSession> {
  const app = await openApp(browser, { catalogPath: feeds.catalogPath, dataDir, prepare: marks });
  await app.page.getByRole('listbox', { name: /Emails of/ }).waitFor();
  return app;
}

const field = (page: Page) => page.getByRole('combobox', { name: /Search emails/ });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });
const chip = (page: Page, name: RegExp) => page.getByRole('radio', { name });
const rows = (page: Page) => page.getByRole('listbox', { name: /Emails of/ }).getByRole('option');

describe.skipIf(!chromium)('search, filters and Today in the window', () => {
  test('typing shows results grouped by kind, the matched words marked', async () => {
    const app = await open();
    try {
      const { page } = app;
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-field');
      await page.keyboard.type('spira');
      const list = results(page);
      await list.getByRole('option').first().waitFor();
      const groups = await list
        .getByRole('group')
        .evaluateAll((els) => els.map((el) => el.getAttribute('aria-labelledby')));
      expect(groups).toEqual(['search-group-email', 'search-group-note', 'search-group-group']);
      expect(await list.locator('mark').allInnerTexts()).toContain('spiral');
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /results/ })
            .innerText(),
        )
        .toMatch(/^3 results/);
      // The list narrows to what matches, and the chips count within it.
      await expect.poll(() => rows(page).count()).toBe(1);
      expect(await chip(page, /^All/).innerText()).toMatch(/All\s*:?\s*1/);
    } finally {
      await app.close();
    }
  });

  test('arrows and Enter open a hit; Esc clears and gives the focus back', async () => {
    const app = await open();
    try {
      const { page } = app;
      await page.getByRole('listbox', { name: /Emails of/ }).focus();
      await page.keyboard.press('Control+f');
      await page.keyboard.type('dictionaries');
      await results(page).getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('#email-heading').innerText())
        .toBe('Dictionaries: looking things up by name');
      await page.keyboard.press('Escape');
      expect(await field(page).inputValue()).toBe('');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('email-list');
      await expect.poll(() => rows(page).count()).toBeGreaterThan(10);
    } finally {
      await app.close();
    }
  });

  test('a group post opens its page in the browser, never in the app', async () => {
    const app = await open();
    try {
      const { page } = app;
      await field(page).fill('celsius fahrenheit');
      const posts = results(page).getByRole('group', { name: 'Study group posts' });
      const post = posts.getByRole('option', { name: /Celsius to Fahrenheit/ });
      await post.waitFor();
      await post.click();
      await expect.poll(() => app.opened.length).toBe(1);
      expect(app.opened[0]).toMatch(/^https?:\/\//);
    } finally {
      await app.close();
    }
  });

  test('punctuation alone gets a sentence, not an error', async () => {
    const app = await open();
    try {
      const { page } = app;
      await field(page).fill('?!*');
      await page
        .getByRole('status')
        .filter({ hasText: /punctuation/ })
        .waitFor();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('filter chips show counts, narrow the list and are remembered for the course', async () => {
    const app = await open();
    try {
      const { page } = app;
      const counts = await page.getByRole('radiogroup', { name: 'Show emails' }).innerText();
      expect(counts.replace(/[\s:]+/g, ' ')).toMatch(
        /All 16 Due 1 Not done 11 Starred 3 With notes 2/,
      );
      // Tab reaches the chosen chip, arrows choose another.
      await chip(page, /^All/).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await chip(page, /^Starred/).getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => rows(page).count()).toBe(3);
      const titles = await rows(page).locator('.email-title').allInnerTexts();
      expect(titles).toContain('Dictionaries: looking things up by name');
      expect(await rows(page).first().getByText('Starred').count()).toBe(1);
      // j/k stay inside what is shown.
      await page.getByRole('listbox', { name: /Emails of/ }).focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('#email-heading').innerText())
        .toBe('Dictionaries: looking things up by name');
      await page.reload();
      await page.getByRole('listbox', { name: /Emails of/ }).waitFor();
      expect(await chip(page, /^Starred/).getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => rows(page).count()).toBe(3);
    } finally {
      await app.close();
    }
  });

  test('Today shows due, overdue and done today, and opens the next email', async () => {
    const app = await open();
    try {
      const { page } = app;
      const today = page.getByRole('region', { name: 'Today' });
      expect((await today.innerText()).replace(/\s+/g, ' ')).toMatch(
        /1 due 0 overdue 0 done today Next to read: 6\. Functions: define once, use everywhere \(due today\)/,
      );
      await today.getByRole('button').click();
      await expect
        .poll(() => page.locator('#email-heading').innerText())
        .toBe('Functions: define once, use everywhere');
    } finally {
      await app.close();
    }
  });
});
