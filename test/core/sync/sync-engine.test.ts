import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import type { DurableFs } from '../../../electron/core/library/durable-fs';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceMeta } from '../../../electron/core/library/model';
import { dripBytes, serveBody, type FeedServer } from '../../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../../helpers/test-catalog';
import { makePosts, rssPage } from '../../helpers/wordpress-feed';
import { diskFillingFs, readOnlyFs } from '../library/helpers';
import { archiveOn, expectComplete, openBench, resultFor, startServer } from './engine-fixtures';

const RSS = { 'content-type': 'application/rss+xml; charset=UTF-8' };

async function closedPortUrl(): Promise<string> {
  const server = await startServer();
  await server.close();
  return server.url('/feed/');
}

function group(server: FeedServer, name: string): SourceMeta {
  server.route(
    `/${name}/latest.rss`,
    serveBody(groupFeed(server.origin, new Date()), { headers: RSS }),
  );
  return { id: `group-${name}`, url: server.url(`/${name}/latest.rss`), kind: 'group' };
}

describe('the offline flag', () => {
  it('is set when every source failed to connect (DNS, refused, timeout)', async () => {
    const bench = await openBench();
    const slow = await startServer();
    slow.route('/feed/', dripBytes(50));
    const report = await bench.sync(
      [
        { id: 'refused', url: await closedPortUrl(), kind: 'group' },
        { id: 'no-dns', url: 'http://studyline-offline.invalid/feed/', kind: 'group' },
        { id: 'dripping', url: slow.url('/feed/'), kind: 'group' },
      ],
      { timeoutMs: 1000 },
    );
    expect(report.results.map((r) => r.errorCode)).toEqual(['unreachable', 'dns', 'timeout']);
    expect(report).toMatchObject({ ok: false, offline: true, cancelled: false });
  });

  it('is not set when a server answered, even with an error', async () => {
    const bench = await openBench();
    const server = await startServer();
    server.route('/broken/feed/', serveBody('boom', { status: 500 }));
    const noDns: SourceMeta = {
      id: 'no-dns',
      url: 'http://studyline-offline.invalid/feed/',
      kind: 'group',
    };
    const withError = await bench.sync([
      noDns,
      { id: 'broken', url: server.url('/broken/feed/'), kind: 'group' },
    ]);
    expect(withError).toMatchObject({ ok: false, offline: false });
    const withHealthy = await bench.sync([noDns, group(server, 'forum')]);
    expect(withHealthy).toMatchObject({ ok: false, offline: false });
  });
});

describe('cancelling', () => {
  it('keeps the pages fetched so far, and the next sync finishes the history', async () => {
    const bench = await openBench();
    const server = await startServer();
    const posts = makePosts(40);
    const archive = archiveOn(server, 'seq21oct13', posts);
    const forum = group(server, 'forum');
    const controller = new AbortController();
    let page3 = 0;
    server.route(`${archive.route.feedPath}?paged=3`, (req, res) => {
      // The learner presses Cancel while page 3 is on its way; it never arrives.
      if (page3++ === 0) return controller.abort();
      serveBody(rssPage(posts.slice(20, 30), server.origin), { headers: RSS })(req, res);
    });

    const report = await bench.sync([archive.meta, forum], {
      signal: controller.signal,
      concurrency: 1,
    });

    expect(report).toMatchObject({ cancelled: true, ok: false, offline: false });
    expect(resultFor(report, archive.meta.id)).toMatchObject({
      status: 'cancelled',
      pages: 2,
      itemCount: 20,
    });
    expect(resultFor(report, forum.id).status).toBe('cancelled');
    expect(server.requestsTo('/forum/latest.rss')).toHaveLength(0);
    const saved = await bench.onDisk(archive.meta.id);
    expect(saved?.items).toHaveLength(20);
    expect(saved?.source.fullHistory).toBeFalsy();
    expect(saved?.source.lastError).toBeUndefined();

    const resumed = await bench.sync([archive.meta, forum]);
    expect(resumed).toMatchObject({ ok: true, cancelled: false });
    expect((await expectComplete(bench, archive, 40)).source.fullHistory).toBe(true);

    // Cancelled before its turn: the report still counts what is saved.
    const early = new AbortController();
    early.abort();
    const skipped = await bench.sync([archive.meta], { signal: early.signal });
    expect(resultFor(skipped, archive.meta.id)).toMatchObject({
      status: 'cancelled',
      itemCount: 40,
    });
  });
});

describe('the concurrency limit', () => {
  it('never has more than `concurrency` feeds on the wire at once', async () => {
    const bench = await openBench();
    const server = await startServer();
    const answers: (() => void)[] = [];
    let most = 0;
    const metas = ['a', 'b', 'c', 'd', 'e'].map((name): SourceMeta => {
      const body = groupFeed(server.origin, new Date());
      server.route(`/${name}.rss`, (req, res) => {
        answers.push(() => serveBody(body, { headers: RSS })(req, res));
        most = Math.max(most, answers.length);
      });
      return { id: `group-${name}`, url: server.url(`/${name}.rss`), kind: 'group' };
    });

    const syncing = bench.sync(metas, { concurrency: 2 });
    for (let answered = 0; answered < metas.length; answered++) {
      const open = Math.min(2, metas.length - answered);
      await vi.waitFor(() => expect(answers).toHaveLength(open));
      // Room for a request beyond the limit to show up before we answer.
      await delay(50);
      expect(answers).toHaveLength(open);
      answers.shift()!();
    }

    expect((await syncing).ok).toBe(true);
    expect(most).toBe(2);
    expect(server.requests).toHaveLength(metas.length);
  });
});

describe('a data folder that cannot be written', () => {
  async function syncedThenBlocked(fs: DurableFs) {
    const bench = await openBench();
    const server = await startServer();
    const archive = archiveOn(server, 'seq21oct13', makePosts(25));
    const forum = group(server, 'forum');
    await bench.sync([archive.meta, forum]);
    const before = {
      archive: await bench.onDisk(archive.meta.id),
      forum: await bench.onDisk(forum.id),
    };
    archive.route.setPosts(makePosts(26));
    const blocked = await LibraryStore.open(bench.dataDir, { fs });
    const report = await bench.sync([archive.meta, forum], { library: blocked });
    expect(await bench.onDisk(archive.meta.id)).toEqual(before.archive);
    expect(await bench.onDisk(forum.id)).toEqual(before.forum);
    expect(await bench.strayFiles()).toEqual([]);
    return { report, archive };
  }

  it('says the disk is full, names the source, and keeps what was saved', async () => {
    const { report, archive } = await syncedThenBlocked(diskFillingFs('ENOSPC'));
    expect(report).toMatchObject({ ok: false, offline: false });
    for (const result of report.results) {
      expect(result).toMatchObject({ status: 'error', errorCode: 'disk' });
      expect(result.error).toMatch(/The disk is full/);
      expect(result.error).toMatch(/Free some space/);
    }
    expect(resultFor(report, archive.meta.id).error).toContain(
      'the course archive "Mechanical MOOC » seq21oct13"',
    );
  });

  it('says the folder is not writable and keeps what was saved', async () => {
    const { report } = await syncedThenBlocked(readOnlyFs('EACCES'));
    for (const result of report.results) {
      expect(result).toMatchObject({ status: 'error', errorCode: 'disk' });
      expect(result.error).toMatch(/not allowed to write .*Check that the data folder is writable/);
    }
  });

  it('says the disk is read-only and keeps what was saved', async () => {
    const { report } = await syncedThenBlocked(readOnlyFs('EROFS'));
    for (const result of report.results) {
      expect(result).toMatchObject({ status: 'error', errorCode: 'disk' });
      expect(result.error).toMatch(/^The disk is read-only, so .* could not be saved\./);
    }
  });
});

describe('a damaged library file', () => {
  it('is reported for its source; the other sources still sync', async () => {
    const bench = await openBench();
    const server = await startServer();
    const archive = archiveOn(server, 'seq21oct13', makePosts(25));
    const forum = group(server, 'forum');
    await writeFile(
      join(bench.dataDir, 'library', `${forum.id}.json`),
      '{"schemaVersion": 1, "sour',
    );

    const report = await bench.sync([archive.meta, forum]);

    expect(resultFor(report, archive.meta.id).status).toBe('ok');
    await expectComplete(bench, archive, 25);
    expect(resultFor(report, forum.id)).toMatchObject({ status: 'error', errorCode: 'corrupt' });
    const again = await bench.sync([forum]);
    expect(resultFor(again, forum.id)).toMatchObject({ status: 'ok', itemCount: 3 });
  });
});

describe('through the core facade', () => {
  it('keeps every email listed when the archive breaks later, and says why on the source', async () => {
    const bench = await openBench();
    const server = await startServer();
    const archive = archiveOn(server, 'seq21oct13', makePosts(25));
    group(server, 'forum');
    const core = await openStudyline({
      dataDir: bench.dataDir,
      owner: 'cli',
      catalogPath: await writeLoopbackCatalog(bench.dataDir, server.origin),
      timeoutMs: 3000,
    });
    try {
      await core.follow({ sequenceId: 'seq21oct13' });
      expect((await core.sync({})).ok).toBe(true);
      const xml = rssPage(makePosts(26).slice(0, 10), server.origin);
      server.route(archive.route.feedPath, serveBody(xml.slice(0, 900), { headers: RSS }));

      const report = await core.sync({});

      expect(report).toMatchObject({ ok: false, offline: false });
      expect(await core.emails('seq21oct13')).toHaveLength(25);
      const source = (await core.sources()).find((s) => s.kind === 'archive');
      expect(source).toMatchObject({ status: 'error', itemCount: 25 });
      expect(source?.error).toMatch(/feed at .*seq21oct13.* is damaged.*already saved is kept/);
      expect((await core.sources()).find((s) => s.kind === 'group')).toMatchObject({
        status: 'ok',
        itemCount: 3,
      });
    } finally {
      await core.close();
    }
  });
});
