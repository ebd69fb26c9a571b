import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import type { ArchiveResponse } from '../helpers/wordpress-feed';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-responses-'));
  feeds = await startFeedServer();
  const posts = [1, 2, 3].map((n) => ({
    ...coursePost(n, feeds.origin),
    responses: [] as ArchiveResponse[],
  }));
  posts[1]!.responses = [
    {
      author: 'Ana',
      date: '2013-10-25T09:00:00Z',
      html: `<p>How do you stay accountable? <img src="x" onerror="window.pwned = 'response'"></p>`,
    },
    {
      author: 'The course team',
      date: '2013-10-25T14:30:00Z',
      html: '<p>Learn at your own pace: a study group helps. <a href="https://example.org/groups">Find one</a>.</p>',
    },
  ];
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    prepare: async (core) => {
      const followed = await core.follow({ sequenceId: 'seq21oct13' });
      await core.sync({ courseId: followed.id });
    },
  });
  await feeds.close(); // what follows reads the saved copy, offline
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('each email’s responses in the reader', () => {
  test('show under the email, closed until asked for, readable offline, and run no script', async () => {
    const { page, opened } = app;
    await page.getByRole('option', { name: /Lesson 2/ }).click();
    const summary = page.locator('.email-responses > summary');
    await expect.poll(() => summary.innerText()).toBe('2 responses');
    const answer = page.getByText('Learn at your own pace: a study group helps.');
    expect(await answer.isVisible()).toBe(false);

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => answer.isVisible()).toBe(true);
    const list = page.locator('.email-response');
    expect(await list.count()).toBe(2);
    expect(await list.nth(0).innerText()).toMatch(/^Ana\n.*2013/);
    expect(await list.nth(0).innerText()).toContain('How do you stay accountable?');
    expect(await list.nth(1).innerText()).toContain('The course team');

    await page.getByRole('link', { name: 'Find one' }).click();
    await expect.poll(() => opened).toContain('https://example.org/groups');
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: string }).pwned),
    ).toBeUndefined();
    expect(await page.locator('.email-responses [onerror]').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('an email nobody answered shows no responses at all', async () => {
    const { page } = app;
    await page.getByRole('option', { name: /Lesson 3/ }).click();
    await expect.poll(() => page.locator('#email-heading').innerText()).toContain('Lesson 3');
    expect(await page.locator('.email-responses').count()).toBe(0);
  });
});
