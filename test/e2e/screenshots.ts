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
import { shareScreenshots } from './share-screenshots';
import type { OpenAppOptions } from './harness';

/**
 * `npm run screenshots`: a demo library synced from a loopback server, shown
 * in the real renderer over the real core, photographed into
 * resources/screenshots/: every screen of the daily loop at 1280×800 and
 * 800×600, light and dark (`<screen>-<width>x<height>-<scheme>.png`), and a
 * few states at 1280×800.
 */
const OUT = join(ROOT, 'resources/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

async function shoot(
  browser: Browser,
  name: string,
  options: OpenAppOptions,
  act: (page: Page) => Promise<void>,
) {
  const viewport = options.viewport ?? VIEWPORT;
  const app = await openApp(browser, { viewport, ...options });
  try {
    await act(app.page);
    // Park the pointer in a corner so no row shows a hover state.
    await app.page.mouse.move(viewport.width - 2, viewport.height - 2);
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
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  await pictures(page);
}

async function pictures(page: Page): Promise<void> {
  await page
    .locator('.email-body img')
    .evaluateAll((imgs) =>
      Promise.all(imgs.map((img) => (img as HTMLImageElement).decode().catch(() => {}))),
    );
}

type Screen = [name: string, act: (page: Page, narrow: boolean) => Promise<void>];

/** The screens of the daily loop, each reached as a learner would. */
const LOOP_SCREENS: Screen[] = [
  [
    'library',
    async (page) => {
      // Studying starts on the email due today, opened by itself.
      await page.getByRole('heading', { level: 2, name: /Functions: define once/ }).waitFor();
      await pictures(page);
    },
  ],
  [
    'reading',
    async (page) => {
      await openEmail(page, /Loops and the turtle/);
      await page.getByRole('main', { name: 'Reading pane' }).focus();
      await page.keyboard.press('Space');
    },
  ],
  [
    'groups',
    async (page, narrow) => {
      await openEmail(page, /Lists, tuples/);
      if (narrow) await page.getByRole('button', { name: 'Study groups' }).click();
      await page.getByRole('button', { name: 'Copy question' }).waitFor();
    },
  ],
  [
    'settings',
    async (page) => {
      await page.getByRole('listbox').waitFor();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByText(/Next reminder|Reminders are off|No reminder/).waitFor();
    },
  ],
  [
    'agenda',
    async (page) => {
      await page.getByRole('listbox').waitFor();
      await page.getByRole('button', { name: 'Agenda', exact: true }).click();
      await page.getByRole('heading', { name: /^Today, / }).waitFor();
    },
  ],
];

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'studyline-demo-'));
  const server = await startFeedServer();
  const browser = await launchBrowser();
  try {
    const feeds = await serveDemo(server, dir);
    const catalogPath = feeds.catalogPath;
    for (const viewport of SIZES) {
      for (const colorScheme of SCHEMES) {
        const suffix = `${viewport.width}x${viewport.height}-${colorScheme}`;
        await shoot(browser, `welcome-${suffix}`, { catalogPath, viewport, colorScheme }, (page) =>
          page.getByRole('heading', { name: 'Welcome to Studyline' }).waitFor(),
        );
      }
    }
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
    await shareScreenshots(browser, catalogPath, dataDir, dir);
    for (const viewport of SIZES) {
      for (const colorScheme of SCHEMES) {
        const suffix = `${viewport.width}x${viewport.height}-${colorScheme}`;
        const options = { catalogPath, dataDir, viewport, colorScheme };
        for (const [name, act] of LOOP_SCREENS) {
          await shoot(browser, `${name}-${suffix}`, options, (page) =>
            act(page, viewport.width < 1100),
          );
        }
      }
    }
    // The same learner had started nine days earlier: three emails overdue, Catch up on offer.
    const behind = async (core: StudylineCore) =>
      void (await core.setPlan(courseId, asSentFrom(-29)));
    await shoot(browser, 'progress', { catalogPath, dataDir, prepare: behind }, async (page) => {
      await openEmail(page, /Functions: define once/);
      await page.getByRole('button', { name: 'Progress details' }).click();
      await page.getByRole('button', { name: 'Catch up' }).waitFor();
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
