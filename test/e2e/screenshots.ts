import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { startFeedServer } from '../helpers/feed-server';
import { serveDemo } from './demo/demo-feeds';
import { asSentFrom, buildDemoLibrary } from './demo/demo-progress';
import { ROOT } from './build-renderer';
import { launchBrowser, openApp } from './harness';
import { responsesScreenshots } from './responses-screenshots';
import { searchScreenshots } from './search-screenshots';
import type { OpenAppOptions } from './harness';

/**
 * `npm run screenshots`: a demo library synced from a loopback server, shown
 * in the real renderer over the real core, photographed at 1280×800 into
 * resources/screenshots/.
 */
const OUT = join(ROOT, 'resources/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

async function shoot(
  browser: Browser,
  name: string,
  options: OpenAppOptions,
  act: (page: Page) => Promise<void>,
) {
  const app = await openApp(browser, { viewport: VIEWPORT, ...options });
  try {
    await act(app.page);
    // Park the pointer on the reading pane so no row shows a hover state.
    await app.page.mouse.move(700, 790);
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: join(OUT, `${name}.png`) });
    if (app.pageErrors.length)
      throw new Error(`${name}: page errors: ${app.pageErrors.join('; ')}`);
    process.stdout.write(`resources/screenshots/${name}.png\n`);
  } finally {
    await app.close();
  }
}

/** Damages the progress file so the core restores its last good copy and says so in a notice. */
async function damageProgressFile(dataDir: string): Promise<void> {
  const file = join(dataDir, 'progress.json');
  const text = await readFile(file, 'utf8');
  // A new inode: the hard-linked .bak must keep the good bytes.
  await unlink(file);
  await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
}

async function openEmail(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('option', { name: title }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page
    .locator('.email-body img')
    .evaluateAll((imgs) =>
      Promise.all(imgs.map((img) => (img as HTMLImageElement).decode().catch(() => {}))),
    );
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'studyline-demo-'));
  const server = await startFeedServer();
  const browser = await launchBrowser();
  try {
    const feeds = await serveDemo(server, dir);
    const catalogPath = feeds.catalogPath;
    await shoot(browser, 'welcome', { catalogPath }, async (page) => {
      await page.getByRole('heading', { name: 'Welcome to Studyline' }).waitFor();
    });
    await shoot(browser, 'plan-setup', { catalogPath }, async (page) => {
      await page.getByRole('button', { name: 'Follow this course' }).click();
      await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor();
      await page.getByRole('spinbutton', { name: 'Emails a week' }).fill('4');
      await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
      await page.locator('.plan-preview', { hasText: 'You would finish' }).waitFor();
      await page.locator('.pace-choice', { hasText: 'Half speed — about' }).waitFor();
    });

    const dataDir = join(dir, 'library');
    const courseId = await buildDemoLibrary(dataDir, feeds);
    await searchScreenshots(browser, catalogPath, dataDir);
    await responsesScreenshots(browser, catalogPath, dataDir);
    await shoot(browser, 'library', { catalogPath, dataDir }, async (page) => {
      await openEmail(page, /Functions: define once/);
      await page.getByRole('listbox').focus();
      await page.keyboard.press('j');
    });
    await shoot(browser, 'reading-with-groups', { catalogPath, dataDir }, async (page) => {
      await openEmail(page, /Loops and the turtle/);
      await page.getByText('It is quiet here lately.').waitFor();
    });
    await shoot(browser, 'dark', { catalogPath, dataDir, colorScheme: 'dark' }, async (page) => {
      await openEmail(page, /Lists, tuples/);
    });
    const darkly = { catalogPath, dataDir, colorScheme: 'dark' as const };
    await shoot(browser, 'settings', darkly, async (page) => {
      await page.getByRole('listbox').waitFor();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByText(/Next reminder|Reminders are off|No reminder/).waitFor();
    });
    // The same learner had started nine days earlier: three emails overdue, Catch up on offer.
    const behind = async (core: StudylineCore) =>
      void (await core.setPlan(courseId, asSentFrom(-29)));
    await shoot(browser, 'progress', { catalogPath, dataDir, prepare: behind }, async (page) => {
      await page.getByRole('button', { name: 'Catch up' }).waitFor();
      await openEmail(page, /Functions: define once/);
    });

    feeds.breakGroup(true);
    await damageProgressFile(dataDir);
    await shoot(browser, 'sync-errors', { catalogPath, dataDir }, async (page) => {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByRole('region', { name: /could not be synced/ }).waitFor();
      await page.getByText(/restored the last good copy/).waitFor();
      await openEmail(page, /Dictionaries/);
    });
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
