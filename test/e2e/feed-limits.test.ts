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

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-limits-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 4 }, (_, i) => coursePost(i + 1, feeds.origin));
  // A study group whose feed holds 5,001 posts: one more than Studyline keeps of a feed.
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date(), 5001));
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    prepare: async (core) => {
      const followed = await core.follow({ sequenceId: 'seq21oct13' });
      await core.sync({ courseId: followed.id });
    },
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('a feed over a limit', () => {
  test('the sources list shows a warning in words, not a tick', async () => {
    const { page, core } = app;
    const group = (await core.sources()).find((s) => s.kind === 'group');
    expect(group?.itemCount).toBe(300); // a study group keeps its newest 300 posts anyway
    await page.getByText('Sources', { exact: false }).first().click();
    const row = page.locator('.source-status-item', { hasText: 'Python help forum' });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain(
      'has more than 5,000 items; Studyline kept the newest 300.',
    );
    expect(await row.locator('.source-status-mark').innerText()).toBe('!');
    // The warning belongs to that feed alone.
    const archive = page.locator('.source-status-item', { hasText: 'Course emails' });
    expect(await archive.locator('.source-status-warning').count()).toBe(0);
  });
});
