import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';

/** Every classic way an email could try to run code; each would set window.pwned. */
const HOSTILE_HTML = [
  `<script>window.pwned = 'script'</script>`,
  `<img src="x" onerror="window.pwned = 'img onerror'">`,
  `<a href="javascript:window.pwned = 'javascript link'">Claim your certificate</a>`,
  `<svg onload="window.pwned = 'svg onload'"><circle r="4"></circle></svg>`,
  `<iframe srcdoc="<script>parent.pwned = 'iframe'</script>"></iframe>`,
  `<object data="javascript:window.pwned = 'object'"></object>`,
  `<p onmouseover="window.pwned = 'mouseover'">Move the mouse over me.</p>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.pwned = 'mxss'"></style></mglyph></table></mtext></math>`,
  `<form action="javascript:window.pwned = 'form'"><button>Send</button></form>`,
].join('\n');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-hostile-'));
  feeds = await startFeedServer();
  const posts = [coursePost(1, feeds.origin), { ...coursePost(2, feeds.origin, HOSTILE_HTML), title: 'A hostile email' }];
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  browser = await launchBrowser();
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    prepare: async (core) => {
      const course = await core.follow({ sequenceId: 'seq21oct13' });
      await core.sync({ courseId: course.id });
    },
  });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a hostile email shows its text but runs no script, even when its parts are clicked', async () => {
  const { page, opened } = app;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('option', { name: /A hostile email/ }).click();
  const body = page.locator('.email-body');
  await expect.poll(() => body.innerText()).toContain('Move the mouse over me.');
  await body.getByText('Move the mouse over me.').hover();
  const link = body.getByText('Claim your certificate');
  if (await link.count()) await link.click();
  // Give any deferred handler (image error, svg load) a chance to fire.
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await body.locator('script, iframe, object, form, [onerror], [onload], [onmouseover]').count()).toBe(0);
  expect(opened.filter((url) => !/^https?:/.test(url))).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
