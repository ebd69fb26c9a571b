import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

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

/**
 * The core sanitizes what it stores, so to prove the renderer's own DOMPurify
 * pass holds alone, one email's stored HTML is replaced on disk (a tampered
 * or older data file): the core serves stored HTML as it finds it.
 */
async function tamperStoredEmail(dataDir: string, sourceId: string, title: string, html: string) {
  const path = join(dataDir, 'library', `${sourceId}.json`);
  const file = JSON.parse(await readFile(path, 'utf8')) as {
    items: { title: string; html: string }[];
  };
  const item = file.items.find((i) => i.title === title);
  if (!item) throw new Error(`no stored email "${title}"`);
  item.html = html;
  await writeFile(path, JSON.stringify(file));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-hostile-'));
  const dataDir = join(dir, 'data');
  feeds = await startFeedServer();
  const posts = [
    coursePost(1, feeds.origin),
    { ...coursePost(2, feeds.origin, HOSTILE_HTML), title: 'A hostile email' },
    { ...coursePost(3, feeds.origin), title: 'A tampered email' },
  ];
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  const catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  const core = await openStudyline({ dataDir, owner: 'cli', catalogPath, timeoutMs: 5_000 });
  const course = await core.follow({ sequenceId: 'seq21oct13' });
  await core.sync({ courseId: course.id });
  await core.close();
  await tamperStoredEmail(
    dataDir,
    course.archiveSourceId,
    'A tampered email',
    `<p>Tampered body.</p>${HOSTILE_HTML}`,
  );
  browser = await launchBrowser(chromium);
  app = await openApp(browser, { catalogPath, dataDir });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

async function readHostileEmail(title: string, text: string) {
  const { page, opened } = app;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('option', { name: new RegExp(title) }).click();
  const body = page.locator('.email-body');
  await expect.poll(() => body.innerText()).toContain(text);
  await body.getByText('Move the mouse over me.').hover();
  const link = body.getByText('Claim your certificate');
  if (await link.count()) await link.click();
  // Give any deferred handler (image error, svg load) a chance to fire.
  await page.waitForTimeout(300);

  expect(
    await page.evaluate(() => (window as unknown as { pwned?: string }).pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(
    await body.locator('script, iframe, object, form, [onerror], [onload], [onmouseover]').count(),
  ).toBe(0);
  expect(opened.filter((url) => !/^https?:/.test(url))).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}

describe.skipIf(!chromium)('emails that try to run code', () => {
  test('a hostile email from the feed shows its text but runs no script', () =>
    readHostileEmail('A hostile email', 'Move the mouse over me.'));

  test('hostile HTML written straight into the data file is stopped by the renderer alone', () =>
    readHostileEmail('A tampered email', 'Tampered body.'));
});
