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
import {
  expectNoAxeViolations,
  focusedId,
  focusedName,
  openTitle,
  rowsVisible,
  studying,
} from './loop-helpers';

const chromium = toolPath('chromium');

/** Lesson 2 is long: several screens of text, so Space has to scroll before it moves on. */
const LONG_READ = Array.from(
  { length: 40 },
  (_, i) => `<p>Paragraph ${i + 1}: a loop repeats its body once for each item it is given.</p>`,
).join('');

let feeds: FeedServer;
let browser: Browser;
let dir: string;
let catalogPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-loop-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 12 }, (_, i) =>
    coursePost(i + 1, feeds.origin, i === 1 ? LONG_READ : ''),
  );
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  if (chromium) browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
] as const;

for (const viewport of SIZES) {
  const narrow = viewport.width < 1100;
  describe.skipIf(!chromium)(
    `the daily loop, keyboard only, at ${viewport.width}×${viewport.height}`,
    () => {
      let app: AppSession;
      beforeAll(async () => {
        app = await openApp(browser, { catalogPath, viewport, prepare: studying });
      });
      afterAll(() => app?.close());

      test('studying starts on the email due, in the reader, with at least 6 rows in view', async () => {
        const { page } = app;
        await expect.poll(() => openTitle(page)).toBe('Lesson 2: loops and lists, part 2');
        await expect.poll(() => focusedId(page)).toBe('reader');
        expect(await rowsVisible(page)).toBeGreaterThanOrEqual(6);
        // One line of progress, one finish date (in the details).
        expect(await page.locator('.progress-summary').innerText()).toMatch(/^1\/12 done/);
        // The header keeps the course's name (ellipsized), and the line of progress is whole.
        const courseName = page.locator('.course-menu-title');
        expect(await courseName.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(
          80,
        );
        const summary = page.locator('.progress-summary');
        expect(await summary.innerText()).toMatch(/next due /);
        expect(await summary.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await expectNoAxeViolations(page, 'library');
      });

      test('the emails next in the flow are read ahead, and count as read only once opened', async () => {
        const { page, core } = app;
        const [course] = await core.courses();
        const ids = (await core.emails(course!.id)).map((e) => e.id);
        const readAhead = () =>
          app.requests.filter((r) => r.channel === 'email:read').map((r) => r.args[0]);
        // From lesson 2: Done & next and n go to lesson 3, k to lesson 1 (done).
        await expect.poll(readAhead).toEqual(expect.arrayContaining([ids[2], ids[0]]));
        expect((await core.emails(course!.id))[2]!.opened).toBe(false);
        const row3 = page.getByRole('option', { name: /Lesson 3:/ });
        expect(await row3.getAttribute('class')).toContain('is-unread');

        await page.keyboard.press('n');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 3/);
        await expect.poll(async () => (await core.emails(course!.id))[2]!.opened).toBe(true);
        await expect.poll(() => row3.getAttribute('class')).not.toContain('is-unread');
        // Read once: opening it asked the core to record it, not to send it again.
        expect(readAhead().filter((id) => id === ids[2])).toHaveLength(1);
        await page.keyboard.press('p');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 2/);
        expect(await focusedId(page)).toBe('reader');
      });

      test('Space scrolls the email, then moves to the next; Shift+Space goes back', async () => {
        const { page } = app;
        const reader = page.locator('#reader');
        await page.keyboard.press('Space');
        await expect.poll(() => reader.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
        expect(await openTitle(page)).toMatch(/^Lesson 2/);
        // Each Space either scrolls a screen or moves on: wait for one before the next press.
        const place = () => Promise.all([reader.evaluate((el) => el.scrollTop), openTitle(page)]);
        for (let i = 0; i < 40 && (await openTitle(page)).startsWith('Lesson 2'); i++) {
          const before = await place();
          await page.keyboard.press('Space');
          await expect.poll(place).not.toEqual(before);
        }
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 3/);
        expect(await focusedId(page)).toBe('reader');
        expect(await reader.evaluate((el) => el.scrollTop)).toBe(0);
        await page.keyboard.press('Shift+Space');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 2/);
        await page.keyboard.press('n');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 3/);
      });

      test('D is Done & next, and the button at the end of the email does the same', async () => {
        const { page, core } = app;
        await page.keyboard.press('d');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 4/);
        const [course] = await core.courses();
        const emails = await core.emails(course!.id);
        expect(emails[2]!.done).toBe(true);
        expect(await focusedId(page)).toBe('reader');

        const end = page.locator('.email-end');
        await end.getByRole('button', { name: 'Done & next' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 5/);
        expect((await core.emails(course!.id))[3]!.done).toBe(true);
        // The button went with its email: the focus lands on the reader, not on the page.
        await expect.poll(() => focusedId(page)).toBe('reader');
        // p goes back to the last email not done: #2 was skipped.
        await page.keyboard.press('p');
        await expect.poll(() => openTitle(page)).toMatch(/^Lesson 2/);
      });

      test('s stars, o opens in the browser with a confirmation', async () => {
        const { page, core } = app;
        await page.keyboard.press('s');
        await page.getByRole('button', { name: 'Starred' }).waitFor();
        const [course] = await core.courses();
        expect((await core.emails(course!.id))[1]!.starred).toBe(true);
        const before = app.opened.length;
        await page.keyboard.press('o');
        await expect.poll(() => app.opened.length).toBe(before + 1);
        expect(app.opened.at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
        await page.getByText('Opened in your browser').waitFor();
      });

      test('the groups: one primary Ask, for the active group; closed groups have no Ask', async () => {
        const { page } = app;
        if (narrow) {
          await page.keyboard.press('g');
          await page.getByRole('dialog', { name: 'Study groups' }).waitFor();
        }
        const groups = narrow
          ? page.getByRole('dialog', { name: 'Study groups' })
          : page.getByRole('complementary', { name: 'Study groups' });
        const primary = groups.locator('.button-primary');
        expect(await primary.count()).toBe(1);
        expect(await primary.innerText()).toBe('Ask in Python help forum');
        const closed = groups.locator('.closed-groups');
        expect(await closed.getByRole('button', { name: /Ask|Open group/ }).count()).toBe(0);
        // History, not a place to ask: no "quiet lately" hint either.
        expect(await closed.innerText()).not.toMatch(/quiet here/i);
        expect(await groups.getByRole('button', { name: /MIT 6\.(189|00)/ }).count()).toBe(0);
        if (narrow) await expectNoAxeViolations(page, 'groups drawer');

        await groups.getByRole('button', { name: 'Copy question' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => app.clipboard.at(-1)).toMatch(/^Question about “Lesson 2/);
        expect(app.clipboard.at(-1)).toContain('http');
        await primary.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => app.opened.at(-1)).toBe('https://forum.example/help');
        if (narrow) {
          await page.keyboard.press('Escape');
          await expect.poll(() => groups.count()).toBe(0);
          expect(await focusedName(page)).not.toBe('');
        }
      });

      test('? shows every key, a, the agenda; Esc closes each and the focus comes back', async () => {
        const { page } = app;
        await page.locator('#reader').focus();
        await page.keyboard.press('?');
        const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await sheet.waitFor();
        expect(await sheet.innerText()).toContain('Done & next');
        await expectNoAxeViolations(page, 'shortcut sheet');
        await page.keyboard.press('Escape');
        await expect.poll(() => sheet.count()).toBe(0);
        expect(await focusedId(page)).toBe('reader');

        await page.keyboard.press('a');
        const agenda = page.getByRole('dialog', { name: 'Agenda' });
        await agenda.getByRole('heading', { name: /^Today, / }).waitFor();
        await expectNoAxeViolations(page, 'agenda');
        await page.keyboard.press('Escape');
        await expect.poll(() => agenda.count()).toBe(0);
        expect(await focusedId(page)).toBe('reader');
      });

      test('settings: reading size for emails only; export result beside its button, focus kept', async () => {
        const { page } = app;
        await page.getByRole('button', { name: 'Settings' }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Settings' });
        await dialog.waitFor();
        await expectNoAxeViolations(page, 'settings');
        await dialog.getByRole('combobox', { name: 'Text size of emails' }).selectOption('Larger');
        await expect.poll(() => app.core.settings().readingFontSize).toBe(22);
        const exporter = dialog.getByRole('button', { name: 'Export progress…' });
        await exporter.focus();
        await page.keyboard.press('Enter');
        const result = dialog.getByRole('status').filter({ hasText: 'saved to' });
        await result.waitFor();
        expect(await focusedName(page)).toBe('Export progress…');
        await result.getByRole('button', { name: 'Show in folder' }).click();
        await expect.poll(() => app.shownInFolder.length).toBe(1);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        const size = await page
          .locator('.email-body p')
          .first()
          .evaluate((el) => getComputedStyle(el).fontSize);
        expect(size).toBe('22px');
        expect(
          await page.locator('.email-list').evaluate((el) => getComputedStyle(el).fontSize),
        ).not.toBe('22px');
      });

      test('no script error happened in the page', () => {
        expect(app.pageErrors).toEqual([]);
      });
    },
  );
}

describe.skipIf(!chromium)('dark, at 1280×800: every screen passes axe-core', () => {
  test('library, groups, shortcuts, agenda and settings', async () => {
    const app = await openApp(browser, {
      catalogPath,
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
      prepare: studying,
    });
    try {
      const { page } = app;
      await expect.poll(() => openTitle(page)).toMatch(/^Lesson 2/);
      await expectNoAxeViolations(page, 'library (dark)');
      for (const [key, name] of [
        ['?', 'Keyboard shortcuts'],
        ['a', 'Agenda'],
      ] as const) {
        await page.locator('#reader').focus();
        await page.keyboard.press(key);
        await page.getByRole('dialog', { name }).waitFor();
        await expectNoAxeViolations(page, `${name} (dark)`);
        await page.keyboard.press('Escape');
      }
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('dialog', { name: 'Settings' }).waitFor();
      await expectNoAxeViolations(page, 'settings (dark)');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('the welcome screen, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, {
        catalogPath,
        viewport: { width: 800, height: 600 },
        colorScheme,
      });
      try {
        await app.page.getByRole('heading', { name: 'Welcome to Studyline' }).waitFor();
        await expectNoAxeViolations(app.page, `welcome (${colorScheme})`);
      } finally {
        await app.close();
      }
    }
  });
});
