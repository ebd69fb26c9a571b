import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RequestChannel } from '../../electron/shared/contract';
import { launchBrowser, openApp } from '../e2e/harness';
import type { AppSession } from '../e2e/harness';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts, paginate, rssPage } from '../helpers/wordpress-feed';
import type { ArchivePost } from '../helpers/wordpress-feed';

const EMAILS = 1_000;
const FEED_PATH = '/category/seq21oct13/feed/';
/** Requests that change something: what a click sends, not what the window reads after it. */
const WRITES = new Set<RequestChannel>(['email:setDone', 'sync:start', 'course:follow']);

/**
 * Serves the archive 10 emails a page, each after `delayMs` like a real blog;
 * `hold` keeps page 2 back until released, so a test can act mid-sync.
 */
function serveArchive(
  server: FeedServer,
  posts: () => ArchivePost[],
  delayMs: number,
  hold?: Promise<void>,
): void {
  server.route(FEED_PATH, (req, res) => {
    const pages = paginate([...posts()].sort((a, b) => b.n - a.n));
    const n = Number(new URL(req.url ?? '/', server.origin).searchParams.get('paged') ?? '1');
    const page = pages[n - 1];
    const send = page
      ? serveBody(rssPage(page, server.origin), {
          headers: { 'content-type': 'application/rss+xml; charset=UTF-8' },
        })
      : serveBody('<html><body>Not found</body></html>', { status: 404 });
    const wait = n === 2 && hold ? hold : Promise.resolve();
    void wait.then(() => setTimeout(() => send(req, res), delayMs));
  });
  server.route(
    '/forum/latest.rss',
    serveBody(groupFeed(server.origin, new Date()), {
      headers: { 'content-type': 'application/rss+xml' },
    }),
  );
}

/** Waits until the window has asked nothing for a while: everything a change caused is counted. */
async function quiet(app: AppSession, ms = 600): Promise<void> {
  let seen = -1;
  while (seen !== app.requests.length) {
    seen = app.requests.length;
    await new Promise((done) => setTimeout(done, ms));
  }
}

/** The reads (not writes) the window made during `act`, once it has settled. */
async function readsDuring(app: AppSession, act: () => Promise<void>): Promise<RequestChannel[]> {
  await quiet(app);
  const from = app.requests.length;
  await act();
  await quiet(app);
  return app.requests
    .slice(from)
    .map((r) => r.channel)
    .filter((channel) => !WRITES.has(channel));
}

const summary = (page: Page) => page.locator('.progress-summary');

/** Marking one email done, then a sync that brings one new email, in a 1,000-email library. */
async function measureReads(browser: Browser, server: FeedServer, dir: string) {
  let posts = makePosts(EMAILS, { bodyBytes: 400 });
  serveArchive(server, () => posts, 0);
  const app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, server.origin),
    prepare: async (core) => {
      const course = await core.follow({ sequenceId: 'seq21oct13' });
      await core.sync({ courseId: course.id });
    },
  });
  try {
    const { page } = app;
    await page.locator(`[role="option"][aria-setsize="${EMAILS}"]`).first().waitFor();
    const done = await readsDuring(app, async () => {
      await page.getByRole('option').first().locator('.done-box').click();
      await summary(page)
        .filter({ hasText: `1/${EMAILS} done` })
        .waitFor();
    });
    posts = makePosts(EMAILS + 1, { bodyBytes: 400 });
    const sync = await readsDuring(app, async () => {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByRole('status').filter({ hasText: 'Synced: 1 new email' }).waitFor();
      await summary(page)
        .filter({ hasText: `/${EMAILS + 1} done` })
        .waitFor();
    });
    return { done, sync };
  } finally {
    await app.close();
  }
}

/**
 * Following a 1,000-email course (100 pages, 20 ms each): the plan form is on
 * screen all along and the learner changes it once, mid-sync. Counts the plan
 * previews asked while the sync runs, and after it ends (the saved emails changed).
 */
async function measurePreviews(browser: Browser, server: FeedServer, dir: string) {
  let release = () => {};
  const hold = new Promise<void>((done) => (release = done));
  serveArchive(server, () => makePosts(EMAILS, { bodyBytes: 400 }), 20, hold);
  const app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, server.origin),
  });
  const previews = () => app.requests.filter((r) => r.channel === 'plan:preview').length;
  try {
    const { page } = app;
    await page.getByRole('button', { name: 'Follow this course' }).click();
    await page.getByRole('status').filter({ hasText: 'Syncing, page 1' }).waitFor();
    // One change of the form: no more studying on Sundays (every pace's dates move).
    await page.getByRole('checkbox', { name: 'Sunday' }).uncheck();
    while (previews() < 2) await new Promise((done) => setTimeout(done, 50));
    release();
    await page.getByRole('status').filter({ hasText: 'Synced' }).waitFor({ timeout: 120_000 });
    await quiet(app);
    // Up to the moment the core told the window the sync had finished.
    const finished = app.events.find((e) => e.event === 'sync:finish')!.afterRequests;
    const during = app.requests.slice(0, finished).filter((r) => r.channel === 'plan:preview');
    return { during: during.length, after: previews() - during.length, formChanges: 1 };
  } finally {
    release();
    await app.close();
  }
}

export interface DataflowBench {
  renderer_reads_per_done: number;
  renderer_reads_per_done_channels: RequestChannel[];
  renderer_reads_per_sync: number;
  renderer_reads_per_sync_channels: RequestChannel[];
  renderer_library_refreshes_per_sync: number;
  previews_during_first_sync: number;
  previews_after_first_sync: number;
  plan_form_changes_during_first_sync: number;
}

/** What the window asks the core after a change, counted at the harness binding (the app's dispatch). */
export async function benchDataflow(): Promise<DataflowBench> {
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-dataflow-'));
  const browser = await launchBrowser();
  const servers: FeedServer[] = [];
  const server = async () => {
    const started = await startFeedServer();
    servers.push(started);
    return started;
  };
  try {
    await mkdir(join(dir, 'reads'));
    await mkdir(join(dir, 'previews'));
    const reads = await measureReads(browser, await server(), join(dir, 'reads'));
    const previews = await measurePreviews(browser, await server(), join(dir, 'previews'));
    return {
      renderer_reads_per_done: reads.done.length,
      renderer_reads_per_done_channels: reads.done,
      renderer_reads_per_sync: reads.sync.length,
      renderer_reads_per_sync_channels: reads.sync,
      renderer_library_refreshes_per_sync: reads.sync.filter((c) => c === 'status:get').length,
      previews_during_first_sync: previews.during,
      previews_after_first_sync: previews.after,
      plan_form_changes_during_first_sync: previews.formChanges,
    };
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  }
}
