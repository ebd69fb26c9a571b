import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';
import { backgroundLuminance } from './page-checks';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;
let courseId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-settings-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 6 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    prepare: async (core) => {
      courseId = (await core.follow({ sequenceId: 'seq21oct13' })).id;
      await core.sync({ courseId });
      const [first, second] = await core.emails(courseId);
      await core.setDone(first!.id, true);
      await core.setDone(second!.id, true);
    },
  });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openSettings(): Promise<Locator> {
  const { page } = app;
  await page.getByRole('listbox').waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('checkbox', { name: /Remind me when an email is due/ }).waitFor();
  return dialog;
}

describe.skipIf(!chromium)('settings and backup', () => {
  test('every setting is saved in the core as it is changed, and read back after a restart', async () => {
    const { page, core } = app;
    let dialog = await openSettings();
    await dialog.getByRole('checkbox', { name: /Keep running in the tray/ }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Start Studyline when I log in' }).check();
    await dialog.getByRole('checkbox', { name: /A Gentle Introduction to Python/ }).uncheck();
    await dialog.getByRole('combobox', { name: 'Sync the courses' }).selectOption('Every 6 hours');
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => core.settings().theme).toBe('dark');
    expect(core.settings()).toMatchObject({
      closeToTray: false,
      startAtLogin: true,
      syncEveryHours: 6,
      reminders: { enabled: true, offCourseIds: [courseId] },
    });
    // The learner's choice wins over the OS, which is light here.
    expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);

    await page.reload();
    dialog = await openSettings();
    expect(
      await dialog.getByRole('checkbox', { name: /Keep running in the tray/ }).isChecked(),
    ).toBe(false);
    expect(await dialog.getByRole('checkbox', { name: /log in/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('combobox', { name: 'Sync the courses' }).inputValue()).toBe('6');
    expect(await dialog.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: /Remind me when an email is due/ }).uncheck();
    await dialog.getByText('Reminders are off.').waitFor();
    // The switch moves at once; the core's copy follows.
    await expect.poll(() => core.settings().reminders.enabled).toBe(false);
    await dialog.getByRole('radio', { name: 'Match the system' }).check();
    await expect.poll(() => backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  });

  test('Esc closes the dialog and the keyboard shortcuts stay out of it meanwhile', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await page.keyboard.press('x');
    expect(await page.getByRole('option', { checked: true }).count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  test('export progress goes to the chosen file, and importing it reports what changed', async () => {
    const { page, core, saved, filesToOpen } = app;
    const dialog = await openSettings();
    await dialog.getByRole('button', { name: 'Export progress…' }).click();
    await dialog.getByText(/^Your progress and plans were saved to /).waitFor();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.kind).toBe('json');
    expect(JSON.parse(saved[0]!.text)).toBeTypeOf('object');

    // Meanwhile, on "this" machine, the first email was un-done: the backup puts it back.
    const [first] = await core.emails(courseId);
    await core.setDone(first!.id, false);
    filesToOpen.push(saved[0]!.text);
    await dialog.getByRole('button', { name: 'Import progress…' }).click();
    await dialog.getByText('Backup imported.').waitFor();
    expect(await dialog.locator('.import-summary li').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.backup-copy').innerText()).toMatch(
      /before the import is kept at/,
    );
    expect((await core.emails(courseId))[0]!.done).toBe(true);
    await expect
      .poll(() => page.getByRole('option').first().getAttribute('aria-checked'))
      .toBe('true');
  });

  test('a file that is not a backup changes nothing and says why', async () => {
    const { core, filesToOpen } = app;
    const dialog = settingsDialog();
    const before = await core.progress(courseId);
    filesToOpen.push('{ "this is": "not a backup" ');
    await dialog.getByRole('button', { name: 'Import progress…' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Nothing was changed\.$/);
    expect(await core.progress(courseId)).toEqual(before);
  });

  test('the plan exports as a calendar file', async () => {
    const { saved } = app;
    await settingsDialog()
      .getByRole('button', { name: /Export calendar \(\.ics\)/ })
      .click();
    await settingsDialog()
      .getByText(/^The calendar of .* was saved to /)
      .waitFor();
    const ics = saved.at(-1)!;
    expect(ics.kind).toBe('ics');
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
    expect(app.pageErrors).toEqual([]);
  });
});

function settingsDialog(): Locator {
  return app.page.getByRole('dialog', { name: 'Settings' });
}
