import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { Computer } from '../core/share/computers';
import { axeViolations, describeViolations } from './axe';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;
let courseId: string;
let laptop: Computer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-share-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 4 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  if (!chromium) return;
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    computerName: 'desktop',
    // The app looks every 45 s; here a few times a second, so the test need not wait.
    sharePollMs: 250,
    prepare: async (core) => {
      courseId = (await core.follow({ sequenceId: 'seq21oct13' })).id;
      await core.sync({ courseId });
    },
  });
});

afterAll(async () => {
  await laptop?.close();
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await chmod(join(dir, 'Sync'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function sharingSection(): Promise<Locator> {
  const { page } = app;
  // Each test starts from the main screen, whatever the one before left open.
  if (await page.getByRole('dialog', { name: 'Settings' }).count())
    await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Keep my progress in step across computers' });
  await section.getByRole('status').first().waitFor();
  return section;
}

const line = (section: Locator) => section.locator('.share-line');

async function expectAxeClean(scheme: 'light' | 'dark') {
  await app.page.emulateMedia({ colorScheme: scheme });
  const violations = await axeViolations(app.page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe.skipIf(!chromium)('Settings → Keep my progress in step across computers', () => {
  test('off, a chosen folder, a second computer, a problem in words, and off again', async () => {
    const { page, core, foldersToChoose } = app;
    const section = await sharingSection();
    expect(await line(section).innerText()).toBe('Off: your progress stays on this computer.');
    await expectAxeClean('light');

    // The learner closes the folder dialog: nothing changes, focus stays on the button.
    const choose = section.getByRole('button', { name: 'Choose folder…' });
    await choose.click();
    await section.getByText('No folder chosen: nothing changed.').waitFor();
    expect(core.shareStatus().on).toBe(false);

    const shared = join(dir, 'Sync');
    await mkdir(shared);
    foldersToChoose.push(shared);
    await choose.click();
    await expect.poll(() => line(section).innerText()).toMatch(/^Waiting for your other computers/);
    expect(await section.locator('.share-folder').innerText()).toBe(
      `Shared through ${shared} as “desktop”.`,
    );
    // Focus moves to the line that says how sharing stands.
    expect(await line(section).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(core.shareStatus()).toMatchObject({ on: true, folder: shared });

    // The laptop shares the same folder (its sync service delivered it) and marks an email done.
    const [first] = await core.emails(courseId);
    laptop = await Computer.make('laptop', { now: Date.now() }, shared);
    await laptop.share.start(shared);
    await laptop.done(first!.id);
    await laptop.sync();
    // The running app finds it on its own: the line, and the email's mark in the list.
    await expect
      .poll(() => line(section).innerText(), { timeout: 10_000 })
      .toMatch(/^In step with 1 other computer · last change (this minute|\d+ seconds? ago)$/);
    await section.getByRole('list', { name: 'Your other computers' }).getByText('laptop').waitFor();
    await expect
      .poll(async () => (await core.emails(courseId))[0]!.done, { timeout: 10_000 })
      .toBe(true);
    await expectAxeClean('dark');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByRole('option').first().getAttribute('aria-checked'))
      .toBe('true');

    // The folder goes away (a drive unplugged): the window says so in words.
    const again = await sharingSection();
    await laptop.close();
    laptop = undefined;
    await rm(shared, { recursive: true, force: true });
    await again.getByRole('button', { name: 'Look now' }).click();
    const alert = again.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      new RegExp(`^The shared folder ${shared} is not there\\. Is its drive connected`),
    );
    expect(await line(again).innerText()).toBe('Not in step with your other computers right now.');
    await expectAxeClean('light');

    // Stop, from the keyboard: focus lands on the button that starts again.
    await again.getByRole('button', { name: 'Stop keeping in step' }).focus();
    await page.keyboard.press('Enter');
    await again.getByText(/^Stopped\. What this computer shared stays in the folder/).waitFor();
    expect(await line(again).innerText()).toBe('Off: your progress stays on this computer.');
    expect(
      await again
        .getByRole('button', { name: 'Choose folder…' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(core.shareStatus().on).toBe(false);
    expect(await again.getByRole('alert').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('a folder the core refuses is named with the CLI’s words, and nothing changes', async () => {
    const section = await sharingSection();
    app.foldersToChoose.push(app.dataDir);
    await section.getByRole('button', { name: 'Choose folder…' }).click();
    const refused = section.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/overlaps Studyline's own data folder/);
    expect(app.core.shareStatus().on).toBe(false);
  });
});
