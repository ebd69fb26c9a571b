import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { startFeedServer } from '../helpers/feed-server';
import { serveDemo } from './demo/demo-feeds';
import type { DemoFeeds } from './demo/demo-feeds';
import { ROOT } from './build-renderer';
import { launchBrowser, openApp } from './harness';
import type { OpenAppOptions } from './harness';

/**
 * `npm run screenshots`: a demo library synced from a loopback server, shown
 * in the real renderer over the real core, photographed at 1280×800 into
 * docs/screenshots/.
 */
const OUT = join(ROOT, 'docs/screenshots');
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
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  } finally {
    await app.close();
  }
}

/** Follows the demo course, syncs it and reads the first five emails, like a learner a week in. */
async function buildDemoLibrary(dataDir: string, feeds: DemoFeeds): Promise<string> {
  const core = await openStudyline({
    dataDir,
    owner: 'cli',
    catalogPath: feeds.catalogPath,
    timeoutMs: 5_000,
  });
  try {
    const course = await core.follow({ sequenceId: 'seq21oct13' });
    const report = await core.sync({ courseId: course.id });
    if (!report.ok) throw new Error(`demo sync failed: ${JSON.stringify(report.results)}`);
    const emails = await core.emails(course.id);
    for (const email of emails.slice(0, 5)) await core.email(email.id, { markOpened: true });
    return course.id;
  } finally {
    await core.close();
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

    const dataDir = join(dir, 'library');
    await buildDemoLibrary(dataDir, feeds);
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
