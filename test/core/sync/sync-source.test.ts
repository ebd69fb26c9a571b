import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFile, SourceMeta } from '../../../electron/core/library/model';
import { syncSource, type SourceSyncContext } from '../../../electron/core/sync/sync-source';
import type { SyncProgress } from '../../../electron/shared/types';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { makePosts, rssPage } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';

let server: FeedServer;
let assetsDir: string;
let progress: SyncProgress[];

beforeEach(async () => {
  server = await startFeedServer();
  assetsDir = await mkdtemp(join(tmpdir(), 'studyline-assets-'));
  progress = [];
});
afterEach(async () => {
  await server.close();
  await rm(assetsDir, { recursive: true, force: true });
});

function ctx(extra: Partial<SourceSyncContext> = {}): SourceSyncContext {
  return {
    fetch: { timeoutMs: 5000 },
    assetsDir,
    now: () => new Date('2026-11-28T10:00:00Z'),
    onProgress: (p) => progress.push(p),
    ...extra,
  };
}

const archive = (url: string): SourceMeta => ({ id: 'seq21oct13-test', url, kind: 'archive' });

async function syncTwice(meta: SourceMeta, first?: SourceFile) {
  const one = await syncSource(meta, first, ctx());
  return one;
}

/**
 * Requests of this sync: a first walk reads a few pages ahead, and those past the
 * archive's end (the 404s) may still be reaching the server when it returns.
 */
function pathsWithin(lastPage: number): string[] {
  return server.requests
    .map((r) => r.path)
    .filter((path) => Number(/[?&]paged=(\d+)/.exec(path)?.[1] ?? 1) <= lastPage);
}

describe('syncing a WordPress email archive', () => {
  it('walks every page on the first sync, so the learner gets the whole history', async () => {
    const route = serveArchive(server, { posts: makePosts(25) });
    const { file, result } = await syncSource(archive(route.feedUrl), undefined, ctx());
    expect(result).toMatchObject({ status: 'ok', newItems: 25, pages: 3, itemCount: 25 });
    expect(file.items).toHaveLength(25);
    expect(file.source.fullHistory).toBe(true);
    const paths = server.requests.map((r) => r.path);
    expect(paths[0]).toBe(route.feedPath);
    expect(paths).toEqual(
      expect.arrayContaining([2, 3, 4].map((n) => `${route.feedPath}?paged=${n}`)),
    );
    // Pages are read a little ahead while earlier ones are parsed, never far past the end.
    expect(paths.length).toBeLessThanOrEqual(6);
    expect(progress.filter((p) => p.phase === 'page').map((p) => p.page)).toEqual([1, 2, 3]);
  });

  it('orders emails by the "Sent …" line, not by the blog date', async () => {
    const route = serveArchive(server, { posts: makePosts(12) });
    const { file } = await syncSource(archive(route.feedUrl), undefined, ctx());
    const lesson1 = file.items.find((i) => i.title.endsWith('lesson 1'));
    expect(lesson1?.sentAt).toBe('2013-10-21T00:00:00.000Z');
    const bySent = [...file.items]
      .sort((a, b) => a.sentAt!.localeCompare(b.sentAt!))
      .map((i) => i.title);
    expect(bySent[0]).toBe('Week 1: lesson 1');
    expect(bySent[11]).toBe('Week 6: lesson 12');
  });

  it('re-syncs an unchanged archive with one conditional request (304)', async () => {
    const route = serveArchive(server, { posts: makePosts(25) });
    const first = await syncTwice(archive(route.feedUrl));
    server.requests.length = 0;
    const again = await syncSource(archive(route.feedUrl), first.file, ctx());
    expect(again.result.status).toBe('not-modified');
    expect(again.file.items).toHaveLength(25);
    expect(pathsWithin(3)).toEqual([route.feedPath]);
    expect(server.requestsTo(route.feedPath)[0]?.headers['if-none-match']).toBeTruthy();
  });

  it('later syncs read page 1 and go on only until a page holds emails already stored', async () => {
    const posts = makePosts(40);
    const route = serveArchive(server, { posts: posts.slice(12) });
    const first = await syncTwice(archive(route.feedUrl));
    route.setPosts(posts.slice(1));
    server.requests.length = 0;
    const next = await syncSource(archive(route.feedUrl), first.file, ctx());
    expect(next.result).toMatchObject({ status: 'ok', newItems: 11, itemCount: 39 });
    // Page 1 brought ten new emails, page 2 one new among stored ones: nothing older can be new.
    expect(pathsWithin(4)).toEqual([route.feedPath, `${route.feedPath}?paged=2`]);
    route.setPosts(posts);
    server.requests.length = 0;
    const last = await syncSource(archive(route.feedUrl), next.file, ctx());
    expect(last.result).toMatchObject({ newItems: 1, itemCount: 40 });
    expect(pathsWithin(4)).toEqual([route.feedPath]);
  });

  it('replaces an updated email instead of duplicating it', async () => {
    const posts = makePosts(5);
    const route = serveArchive(server, { posts });
    const first = await syncTwice(archive(route.feedUrl));
    const edited = posts.map((p) => (p.n === 3 ? { ...p, title: 'Lesson 3 (corrected)' } : p));
    route.setPosts(edited);
    const next = await syncSource(archive(route.feedUrl), first.file, ctx());
    expect(next.result).toMatchObject({ newItems: 0, updatedItems: 1, itemCount: 5 });
    const item = next.file.items.find((i) => i.title === 'Lesson 3 (corrected)');
    expect(item?.firstSeenAt).toBe(first.file.items.find((i) => i.key === item?.key)?.firstSeenAt);
  });

  it('keeps the pages it got when a later page fails, and finishes the history next time', async () => {
    const route = serveArchive(server, { posts: makePosts(25) });
    server.route(`${route.feedPath}?paged=2`, serveBody('oops', { status: 500 }));
    const first = await syncSource(archive(route.feedUrl), undefined, ctx());
    expect(first.result.status).toBe('error');
    expect(first.result.error).toMatch(/Page 2/);
    expect(first.file.items).toHaveLength(10);
    expect(first.file.source.fullHistory).toBeFalsy();
    expect(first.file.source.lastError).toMatch(/Page 2/);

    server.route(`${route.feedPath}?paged=2`, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssPage(makePosts(25).slice(10, 20), server.origin));
    });
    const second = await syncSource(archive(route.feedUrl), first.file, ctx());
    expect(second.result.status).toBe('ok');
    expect(second.file.items).toHaveLength(25);
    expect(second.file.source.fullHistory).toBe(true);
    expect(second.file.source.lastError).toBeUndefined();
  });

  it('stops when a server ignores ?paged and repeats page 1', async () => {
    const body = rssPage(makePosts(10), server.origin);
    server.route('/feed/', serveBody(body, { headers: { 'content-type': 'application/rss+xml' } }));
    const { file, result } = await syncSource(archive(server.url('/feed/')), undefined, ctx());
    expect(result.status).toBe('ok');
    expect(file.items).toHaveLength(10);
    expect(server.requests).toHaveLength(2);
  });

  it('never duplicates entries with missing or repeated guids', async () => {
    const posts = makePosts(4).map((p) => ({ ...p, guid: 'same-guid' }));
    const xml = rssPage(posts, server.origin).replace(/<guid[^>]*>same-guid<\/guid>/, '');
    server.route('/feed/', serveBody(xml, { headers: { 'content-type': 'application/rss+xml' } }));
    const meta = { id: 'g-test', url: server.url('/feed/'), kind: 'group' as const };
    const first = await syncSource(meta, undefined, ctx());
    const second = await syncSource(meta, first.file, ctx());
    // One item lost its guid (keyed by link); the other three share a guid: the newest wins.
    expect(first.file.items).toHaveLength(2);
    expect(second.file.items).toHaveLength(2);
    expect(new Set(second.file.items.map((i) => i.id)).size).toBe(2);
  });

  it('honours a long Retry-After: the source is skipped until then, saved items kept', async () => {
    const route = serveArchive(server, { posts: makePosts(3) });
    const first = await syncTwice(archive(route.feedUrl));
    server.route(
      route.feedPath,
      serveBody('slow down', { status: 429, headers: { 'retry-after': '7200' } }),
    );
    const limited = await syncSource(
      archive(route.feedUrl),
      { ...first.file, source: { ...first.file.source, etag: undefined } },
      ctx(),
    );
    expect(limited.result.status).toBe('error');
    expect(limited.file.items).toHaveLength(3);
    expect(limited.file.source.retryAfter).toBeDefined();
    server.requests.length = 0;
    const skipped = await syncSource(archive(route.feedUrl), limited.file, ctx());
    expect(skipped.result.status).toBe('skipped');
    expect(server.requests).toHaveLength(0);
  });

  it('records a learner-readable error and keeps saved emails when the feed is down', async () => {
    const route = serveArchive(server, { posts: makePosts(3) });
    const first = await syncTwice(archive(route.feedUrl));
    await server.close();
    const down = await syncSource(archive(route.feedUrl), first.file, ctx());
    expect(down.result.status).toBe('error');
    expect(down.result.errorCode).toBe('unreachable');
    expect(down.file.items).toHaveLength(3);
    expect(down.file.source.lastError).toMatch(/127\.0\.0\.1/);
    server = await startFeedServer();
  });

  it('sanitizes hostile HTML before it is stored', async () => {
    const [post] = makePosts(1);
    const hostile = {
      ...post!,
      body: `<p>Seq: Sent 1 May 2013.</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a><p>kept</p>`,
    };
    server.route(
      '/feed/',
      serveBody(rssPage([hostile], server.origin), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    server.route('/feed/?paged=2', serveBody('', { status: 404 }));
    const { file } = await syncSource(archive(server.url('/feed/')), undefined, ctx());
    const html = file.items[0]!.html;
    expect(html).toContain('kept');
    expect(html).not.toMatch(/script|onerror|javascript:/i);
  });
});
