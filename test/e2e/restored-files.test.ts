import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStudyline } from '../../electron/core/app/open-studyline';
import type { SourceFile } from '../../electron/core/library/model';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { coursePost, serveCourse } from './course-fixtures';
import { launchBrowser, openApp, type AppSession } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;

/** A library synced earlier, whose archive file and progress file were damaged since. */
async function damagedLibrary(catalogPath: string): Promise<string> {
  const dataDir = join(dir, 'data');
  const core = await openStudyline({ dataDir, owner: 'cli', catalogPath, timeoutMs: 5_000 });
  const followed = await core.follow({ sequenceId: 'seq21oct13' });
  await core.sync({ courseId: followed.id });
  await core.close();
  const library = join(dataDir, 'library');
  let file = '';
  for (const name of (await readdir(library)).filter((n) => n.endsWith('.json'))) {
    const kind = (JSON.parse(await readFile(join(library, name), 'utf8')) as SourceFile).source
      .kind;
    if (kind === 'archive') file = join(library, name);
  }
  // Its last good copy, as an earlier save leaves it.
  await copyFile(file, `${file}.bak`);
  await writeFile(file, '{"schemaVersion":1,"source":{"id":');
  await writeFile(join(dataDir, 'progress.json'), '{"schemaVersion":1,"cour');
  return dataDir;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-restored-'));
  feeds = await startFeedServer();
  const posts = Array.from({ length: 3 }, (_, i) => coursePost(i + 1, feeds.origin));
  serveCourse(feeds, posts, groupFeed(feeds.origin, new Date()));
  const catalogPath = await writeLoopbackCatalog(dir, feeds.origin);
  const dataDir = await damagedLibrary(catalogPath);
  if (!chromium) return;
  browser = await launchBrowser(chromium);
  app = await openApp(browser, { catalogPath, dataDir });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)('files restored from their last good copy', () => {
  test('the window tells each restore once, and keeps telling it until dismissed', async () => {
    const { page } = app;
    const notices = page.getByRole('list', { name: 'Notices' }).getByRole('listitem');
    await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(2);
    const texts = await notices.allInnerTexts();
    expect(
      texts.filter((t) => /your progress was damaged; Studyline restored/.test(t)),
    ).toHaveLength(1);
    expect(
      texts.filter((t) => /course archive ".*" was damaged; Studyline restored/.test(t)),
    ).toHaveLength(1);
    expect(await page.getByRole('option').count()).toBe(3);

    await page.reload();
    await expect.poll(() => page.getByRole('option').count(), { timeout: 15_000 }).toBe(3);
    expect(await notices.count()).toBe(2);

    await notices.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(1);
  });
});
