import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { startFeedServer } from '../helpers/feed-server';
import { ROOT } from './build-renderer';
import { serveDemo } from './demo/demo-feeds';
import { buildDemoLibrary } from './demo/demo-progress';
import { launchBrowser, openApp, type OpenAppOptions } from './harness';

/**
 * Search, filters and Today over the demo library, light and dark, at
 * 1280×800 and 800×600 (part of `npm run screenshots`).
 */
const OUT = join(ROOT, 'resources/screenshots');
const LARGE = { width: 1280, height: 800 };
const SMALL = { width: 800, height: 600 };

async function shoot(
  browser: Browser,
  name: string,
  options: OpenAppOptions,
  act: (page: Page) => Promise<void>,
): Promise<void> {
  const app = await openApp(browser, options);
  try {
    await app.page.getByRole('listbox', { name: /Emails of/ }).waitFor({ state: 'attached' });
    await act(app.page);
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: join(OUT, `${name}.png`) });
    if (app.pageErrors.length) throw new Error(`${name}: ${app.pageErrors.join('; ')}`);
    process.stdout.write(`resources/screenshots/${name}.png\n`);
  } finally {
    await app.close();
  }
}

async function typeSearch(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
}

/** Stars and notes a learner would have by week three. */
async function marks(core: StudylineCore): Promise<void> {
  const [course] = await core.courses();
  const emails = await core.emails(course!.id);
  await core.setStarred(emails[6]!.id, true);
  await core.setNote(emails[6]!.id, 'The spiral: turn a little less than 90 degrees each time.');
  await core.setStarred(emails[8]!.id, true);
}

export async function searchScreenshots(browser: Browser, catalogPath: string, dataDir: string) {
  const base = { catalogPath, dataDir, prepare: marks };
  for (const [suffix, viewport, colorScheme] of [
    ['', LARGE, 'light'],
    ['-dark-small', SMALL, 'dark'],
  ] as const) {
    await shoot(browser, `search${suffix}`, { ...base, viewport, colorScheme }, async (page) => {
      await typeSearch(page, 'spiral');
      await page.keyboard.press('ArrowDown');
    });
  }
  for (const [suffix, viewport, colorScheme] of [
    ['', SMALL, 'light'],
    ['-dark', LARGE, 'dark'],
  ] as const) {
    await shoot(browser, `filters${suffix}`, { ...base, viewport, colorScheme }, async (page) => {
      await page.getByRole('radio', { name: /^Not done/ }).click();
    });
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'studyline-search-demo-'));
  const server = await startFeedServer();
  const browser = await launchBrowser();
  try {
    const feeds = await serveDemo(server, dir);
    const dataDir = join(dir, 'library');
    await buildDemoLibrary(dataDir, feeds);
    await searchScreenshots(browser, feeds.catalogPath, dataDir);
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('search-screenshots.ts')) await main();
