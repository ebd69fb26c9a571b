import { describe, expect, it } from 'vitest';
import { serveBody } from '../../helpers/feed-server';
import { makePosts, rssPage } from '../../helpers/wordpress-feed';
import { archiveOn, openBench, resultFor, startServer } from './engine-fixtures';

const RSS = { 'content-type': 'application/rss+xml; charset=UTF-8' };

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never met');
}

describe('a first sync stores each page as soon as it is in', () => {
  it('has the first emails on disk while later pages are still on their way', async () => {
    const bench = await openBench();
    const server = await startServer();
    const posts = makePosts(30);
    const archive = archiveOn(server, 'streaming', posts);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.route(`${archive.route.feedPath}?paged=3`, (req, res) => {
      void held.then(() =>
        serveBody(rssPage(posts.slice(20, 30), server.origin), { headers: RSS })(req, res),
      );
    });

    const syncing = bench.sync([archive.meta]);
    await until(async () => (await bench.onDisk(archive.meta.id))?.items.length === 20);
    const partial = await bench.onDisk(archive.meta.id);
    // Stored mid-walk, but not yet claimed complete, nor dated as a finished sync.
    expect(partial?.source.fullHistory).toBeFalsy();
    expect(partial?.source.lastSyncAt).toBeUndefined();
    release();
    const report = await syncing;
    expect(resultFor(report, archive.meta.id)).toMatchObject({ status: 'ok', itemCount: 30 });
    expect((await bench.onDisk(archive.meta.id))?.source.fullHistory).toBe(true);
  });
});

describe('archive completeness', () => {
  it('records a walk that broke off, with how many of the earliest emails may be missing', async () => {
    const bench = await openBench();
    const server = await startServer();
    const posts = makePosts(40);
    const archive = archiveOn(server, 'gappy', posts);
    let page2Down = true;
    server.route(`${archive.route.feedPath}?paged=2`, (req, res) => {
      if (page2Down) return serveBody('busy', { status: 500 })(req, res);
      serveBody(rssPage(posts.slice(10, 20), server.origin), { headers: RSS })(req, res);
    });

    const broken = await bench.sync([archive.meta]);
    expect(resultFor(broken, archive.meta.id)).toMatchObject({ status: 'error', itemCount: 10 });
    const stored = await bench.onDisk(archive.meta.id);
    // Page 2 failed; pages 3 and 4 answered (read ahead) but are not stored past the gap.
    expect(stored?.items).toHaveLength(10);
    expect(stored?.source).toMatchObject({ fullHistory: false, missingEstimate: 30 });
    expect(stored?.source.lastError).toMatch(/Page 2 of .* could not be read/);

    page2Down = false;
    const retried = await bench.sync([archive.meta]);
    expect(resultFor(retried, archive.meta.id)).toMatchObject({ status: 'ok', itemCount: 40 });
    const complete = await bench.onDisk(archive.meta.id);
    expect(complete?.source.fullHistory).toBe(true);
    expect(complete?.source.missingEstimate).toBeUndefined();
  });
});
