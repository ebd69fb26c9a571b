import { describe, expect, it } from 'vitest';
import { syncReport } from '../../../electron/cli/format';
import type { SourceMeta } from '../../../electron/core/library/model';
import type { SourceLimits } from '../../../electron/core/sync/source-limits';
import { syncSource } from '../../../electron/core/sync/sync-source';
import { serveBody, startFeedServer } from '../../helpers/feed-server';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';
import { serverAndFolderPerTest } from '../../helpers/per-test-server';
import { hugeFeed } from '../../bench/huge-feed-bench';

const env = serverAndFolderPerTest('limits');

function sync(meta: SourceMeta, limits: Partial<SourceLimits>) {
  return syncSource(meta, undefined, {
    fetch: { timeoutMs: 5000 },
    assetsDir: env.dir,
    now: () => new Date('2026-11-30T10:00:00Z'),
    onProgress: () => {},
    limits,
  });
}

function report(result: Awaited<ReturnType<typeof sync>>['result']): string {
  return syncReport({
    startedAt: '',
    finishedAt: '',
    results: [result],
    ok: true,
    offline: false,
    cancelled: false,
  });
}

describe('limits of one feed', () => {
  it('keeps the newest N of a page with too many items, and says so', async () => {
    env.server.route(
      '/huge/feed/',
      serveBody(hugeFeed(1200, env.server.origin), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    const meta: SourceMeta = { id: 'huge', url: env.server.url('/huge/feed/'), kind: 'archive' };

    const { result, file } = await sync(meta, { maxItems: 500 });

    expect(result.status).toBe('ok');
    expect(file.items).toHaveLength(500);
    const titles = new Set(file.items.map((item) => item.title));
    expect(titles.has('Post 0')).toBe(true); // the newest
    expect(titles.has('Post 499')).toBe(true);
    expect(titles.has('Post 500')).toBe(false);
    expect(result.warning).toBe(
      'The course archive "A feed that never ends" has more than 500 items; Studyline kept the newest 500.',
    );
    expect(file.source.limitWarning).toBe(result.warning);
    // The older pages would only be dropped: none is asked for.
    expect(env.server.requests.filter((r) => r.path.includes('paged'))).toHaveLength(0);
    expect(report(result)).toMatch(
      /^! .*: 500 new, 0 updated, 500 items\n {2}.*more than 500 items/,
    );
  });

  it('stops an archive walk at the item limit and keeps the newest emails', async () => {
    const route = serveArchive(env.server, { posts: makePosts(300) });
    const meta: SourceMeta = { id: 'long', url: route.feedUrl, kind: 'archive' };

    const { result, file } = await sync(meta, { maxItems: 35 });

    expect(result.status).toBe('ok');
    expect(file.items).toHaveLength(35);
    // The newest 35 of 300: lessons 266 to 300.
    const lessons = file.items.map((item) => Number(/lesson (\d+)/.exec(item.title)?.[1]));
    expect(Math.min(...lessons)).toBe(266);
    expect(result.warning).toContain('has more than 35 items; Studyline kept the newest 35.');
    expect(route.pageRequests()).toBeLessThanOrEqual(6);
  });

  it('reports the page limit as a warning, not a tick', async () => {
    const route = serveArchive(env.server, { posts: makePosts(300) });
    const meta: SourceMeta = { id: 'paged', url: route.feedUrl, kind: 'archive' };

    const { result, file } = await sync(meta, { maxPages: 5 });

    expect(result.status).toBe('ok');
    expect(result.pages).toBe(5);
    expect(file.items).toHaveLength(50);
    expect(result.warning).toContain(
      'has more pages than the 5 Studyline reads of one feed; it kept the newest 5 pages, so the earliest emails may be missing.',
    );
    expect(report(result)).not.toContain('✓');
    expect(report(result)).toMatch(/^! /);
    // A retry would stop at the same page: the window offers none.
    expect(file.source.missingEstimate).toBeUndefined();
  });

  it('keeps only as much text as a feed may store', async () => {
    const route = serveArchive(env.server, { posts: makePosts(40, { bodyBytes: 4000 }) });
    const meta: SourceMeta = { id: 'heavy', url: route.feedUrl, kind: 'archive' };

    const { result, file } = await sync(meta, { maxStoredBytes: 50 * 1024 });

    expect(result.status).toBe('ok');
    const stored = file.items.reduce((sum, item) => sum + item.html.length, 0);
    expect(stored).toBeLessThanOrEqual(50 * 1024);
    expect(file.items.length).toBeGreaterThan(5);
    expect(file.items.length).toBeLessThan(40);
    expect(result.warning).toContain('holds more than 50 KB of text; Studyline kept the newest');
  });

  it('stops a feed whose whole sync takes too long, keeping what came in', async () => {
    const distant = await startFeedServer({ delayMs: 300 });
    const route = serveArchive(distant, { posts: makePosts(300) });
    const meta: SourceMeta = { id: 'slow', url: route.feedUrl, kind: 'archive' };

    const { result, file } = await sync(meta, { deadlineMs: 1500 }).finally(() => distant.close());

    expect(result.status).toBe('error');
    expect(result.errorCode).toBe('timeout');
    expect(result.error).toContain('took longer than 2 seconds, so Studyline stopped.');
    expect(result.error).toContain('The emails fetched so far are saved');
    expect(file.items.length).toBeGreaterThanOrEqual(10);
    expect(file.items.length).toBeLessThan(300);
  });
});
