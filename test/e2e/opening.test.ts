import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import { studying } from './loop-helpers';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let dir: string;
let catalogPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-opening-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 3 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  if (chromium) browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('opening the library', () => {
  test('a library slow to open says so, busy, then shows the course', async () => {
    // The library's status answers 3 s late, as from a slow or sleeping disk.
    const app = await openApp(browser, {
      catalogPath,
      prepare: studying,
      slowChannels: { 'status:get': 3_000 },
    });
    try {
      const { page } = app;
      const opening = page.getByRole('status').filter({ hasText: 'Opening your library…' });
      await opening.waitFor();
      expect(await page.locator('main.app-state').getAttribute('aria-busy')).toBe('true');
      // Then the course, all three emails listed, and the message gone.
      await expect.poll(() => page.getByRole('option').count(), { timeout: 15_000 }).toBe(3);
      expect(await opening.count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
