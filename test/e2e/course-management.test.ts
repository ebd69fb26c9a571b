import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';
import { expectNoAxeViolations, focusedId, focusedName, openTitle, studying } from './loop-helpers';

const chromium = toolPath('chromium');
const SMALL = { width: 800, height: 600 } as const;

let feeds: FeedServer;
let browser: Browser;
let dir: string;
let catalogPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-manage-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 12 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  if (chromium) browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('managing a course, keyboard only, at 800×600', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp(browser, { catalogPath, viewport: SMALL, prepare: studying });
    await app.page.getByRole('heading', { level: 2, name: /^Lesson 2/ }).waitFor();
  });
  afterAll(() => app?.close());

  const doneCount = async () => {
    const [course] = await app.core.courses();
    return (await app.core.emails(course!.id)).filter((e) => e.done).length;
  };

  test('“Done up to here” marks this email and every earlier one; Undo takes exactly that back', async () => {
    const { page } = app;
    await page.locator('#email-list').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect.poll(() => openTitle(page)).toMatch(/^Lesson 5/);
    const upTo = page.getByRole('button', { name: 'Done up to here' });
    await upTo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(doneCount).toBe(5);
    const bar = page.locator('.undo-bar');
    expect(await bar.innerText()).toContain('Marked 4 emails done, up to #5.');
    // The button went (nothing earlier is left to do): reading goes on in the reader.
    expect(await focusedId(page)).toBe('reader');

    await bar.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(doneCount).toBe(1);
    await upTo.waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  });

  test('the course menu and the Sources pop-up pass axe-core, and Esc gives the focus back', async () => {
    const { page } = app;
    const menuButton = page.getByRole('button', { name: /^Course: A Gentle Introduction/ });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Your courses' });
    await menu.waitFor();
    expect(await focusedName(page)).toContain('A Gentle Introduction to Python');
    await expectNoAxeViolations(page, 'course menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(await focusedName(page)).toMatch(/^Course: /);

    const sourcesButton = page.getByRole('button', { name: /^Sources/ });
    await sourcesButton.focus();
    await page.keyboard.press('Enter');
    const sources = page.getByRole('dialog', { name: 'Sources and their last sync' });
    await sources.waitFor();
    await expectNoAxeViolations(page, 'Sources pop-up');
    await page.keyboard.press('Escape');
    await expect.poll(() => sources.isVisible()).toBe(false);
    expect(await focusedName(page)).toMatch(/^Sources/);
  });

  test('your own group: a bad address is refused at the field, a good one is listed', async () => {
    const { page } = app;
    await page.locator('#reader').focus();
    await page.keyboard.press('g');
    const drawer = page.getByRole('dialog', { name: 'Study groups' });
    await drawer.waitFor();
    await drawer.getByText('Add your own group').focus();
    await page.keyboard.press('Enter');
    const name = drawer.getByRole('textbox', { name: 'Name' });
    const address = drawer.getByRole('textbox', { name: 'Web address to ask in' });
    await name.focus();
    await page.keyboard.type('Our Thursday group');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not an address');
    await page.keyboard.press('Enter');
    // The message is beside the field, the field is marked, and the focus is in it.
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    const note = drawer.locator(`#${await address.getAttribute('aria-describedby')}`);
    expect(await note.innerText()).toMatch(/^Paste the web address where learners ask/);
    expect(await address.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'add group, refused');

    await address.fill('');
    await page.keyboard.type('chat.example.org/thursday');
    await page.keyboard.press('Enter');
    await drawer.getByRole('status').filter({ hasText: 'Group added' }).waitFor();
    const [course] = await app.core.courses();
    const groups = await app.core.groups(course!.id);
    expect(groups.map((g) => g.name)).toContain('Our Thursday group');
    expect(groups.find((g) => g.name === 'Our Thursday group')?.liveUrl).toBe(
      'https://chat.example.org/thursday',
    );
    await expect.poll(() => drawer.innerText()).toContain('Our Thursday group');
    expect(await address.getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
  });

  test('“Add a course…” shows the run already followed with Follow disabled and a way back to it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Course: / }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Your courses' });
    await menu.getByRole('button', { name: 'Add a course…' }).focus();
    await page.keyboard.press('Enter');
    const choice = page.getByRole('region', { name: 'A Gentle Introduction to Python' });
    await choice.waitFor();
    expect(await choice.getByRole('button', { name: 'Follow this course' }).isDisabled()).toBe(
      true,
    );
    expect(await choice.innerText()).toContain('Already in your library');
    // The menu went with the screen: the focus is at the top of the new one.
    await expect.poll(() => focusedName(page)).toBe('Add a course');
    await choice.getByRole('button', { name: 'Open it in your library' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openTitle(page)).toMatch(/^Lesson/);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  });

  test('stopping to follow a course offers Undo, which brings it back with its progress', async () => {
    const { page } = app;
    const before = await doneCount();
    await page.getByRole('button', { name: /^Course: / }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Your courses' });
    await menu.getByRole('button', { name: 'Stop following this course' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome to Studyline' }).waitFor();
    expect(await app.core.courses()).toEqual([]);
    const undo = page.locator('.undo-bar').getByRole('button', { name: 'Undo' });
    // The menu went with the course: the focus is on the Undo.
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => openTitle(page)).toMatch(/^Lesson/);
    expect(await app.core.courses()).toHaveLength(1);
    expect(await doneCount()).toBe(before);
    await expect
      .poll(() => page.locator('.progress-summary').innerText())
      .toMatch(new RegExp(`^${before}/12 done`));
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });
});

describe.skipIf(!chromium)('the groups drawer in dark mode', () => {
  test('passes axe-core at 800×600', async () => {
    const app = await openApp(browser, {
      catalogPath,
      viewport: SMALL,
      colorScheme: 'dark',
      prepare: studying,
    });
    try {
      const { page } = app;
      await expect.poll(() => openTitle(page)).toMatch(/^Lesson 2/);
      await page.keyboard.press('g');
      const drawer = page.getByRole('dialog', { name: 'Study groups' });
      await drawer.waitFor();
      await expectNoAxeViolations(page, 'groups drawer (dark)');
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);
      expect(await focusedId(page)).toBe('reader');
    } finally {
      await app.close();
    }
  });
});
