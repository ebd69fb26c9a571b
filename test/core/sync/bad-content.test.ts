import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SourceMeta } from '../../../electron/core/library/model';
import type { FeedServer } from '../../helpers/feed-server';
import { serveBody } from '../../helpers/feed-server';
import { makePosts, rssPage, type ArchivePost } from '../../helpers/wordpress-feed';
import { GIF, PNG, pngOfSize } from '../assets/fixtures';
import {
  archiveOn,
  expectComplete,
  openBench,
  resultFor,
  startServer,
  type Bench,
} from './engine-fixtures';

const RSS = { 'content-type': 'application/rss+xml; charset=UTF-8' };

/** Serves `pages` as a WordPress feed at `path` (?paged=N), 404 past the end. */
function servePages(server: FeedServer, path: string, pages: (string | Buffer)[]): SourceMeta {
  server.route(path, (req, res) => {
    const page = Number(new URL(req.url ?? '/', server.origin).searchParams.get('paged') ?? '1');
    const body = pages[page - 1];
    serveBody(body ?? 'Page not found', { status: body === undefined ? 404 : 200, headers: RSS })(
      req,
      res,
    );
  });
  return { id: path.split('/').filter(Boolean).join('-'), url: server.url(path), kind: 'archive' };
}

/** A healthy archive next to the quirky source, both synced in one go. */
async function withHealthy(quirky: (server: FeedServer) => SourceMeta, now?: () => Date) {
  const bench = await openBench();
  const server = await startServer();
  const healthy = archiveOn(server, 'seq21oct13', makePosts(25));
  const meta = quirky(server);
  const report = await bench.sync([healthy.meta, meta], { now });
  expect(resultFor(report, healthy.meta.id).status).toBe('ok');
  await expectComplete(bench, healthy, 25);
  return { bench, server, meta, report, healthy };
}

async function savedItems(bench: Bench, meta: SourceMeta) {
  const file = await bench.onDisk(meta.id);
  if (!file) throw new Error(`${meta.id} was not saved`);
  return file.items;
}

describe('feeds whose content is broken, synced next to a healthy archive', () => {
  it('reads a feed declared UTF-8 whose bytes are windows-1252', async () => {
    const [post] = makePosts(1);
    const latin = {
      ...post!,
      title: 'Learner’s café – week 1',
      body: `${post!.body}<p>It costs €0 and it’s “fun”.</p>`,
    };
    const { bench, meta, report } = await withHealthy((server) =>
      servePages(server, '/cp1252/feed/', [
        iconv.encode(rssPage([latin], server.origin), 'windows-1252'),
      ]),
    );
    expect(resultFor(report, meta.id)).toMatchObject({ status: 'ok', itemCount: 1 });
    const [item] = await savedItems(bench, meta);
    expect(item?.title).toMatch(/^Learner.s caf. . week 1$/);
    expect(item?.html).toContain('Hello Pythonistas! This is lesson 1.');
    expect(item?.html).toMatch(/It costs .0 and it.s .fun.\./);
    expect(item?.sentAt).toBe('2013-10-21T00:00:00.000Z');
  });

  it('lists items with missing or impossible dates undated, never as sent today', async () => {
    const posts = makePosts(4);
    const dates = [
      'not a date',
      'Mon, 31 Feb 2013 10:00:00 GMT',
      '',
      'Sun, 01 Jun 2014 09:56:00 GMT',
    ];
    const undated = posts.map((p, i) => ({
      ...p,
      pubDate: dates[i]!,
      body: i === 0 ? p.body : '<p>No send line here.</p>',
    }));
    const syncedAt = '2026-11-28T10:00:00.000Z';
    const { bench, meta } = await withHealthy(
      (server) => servePages(server, '/dates/feed/', [rssPage(undated, server.origin)]),
      () => new Date(syncedAt),
    );
    const items = await savedItems(bench, meta);
    expect(items).toHaveLength(4);
    const sent = Object.fromEntries(items.map((i) => [i.title, i.sentAt]));
    // The "Sent …" line wins over a broken pubDate; a valid pubDate is kept.
    expect(sent[posts[0]!.title]).toBe(`${posts[0]!.sentOn}T00:00:00.000Z`);
    expect(sent[posts[3]!.title]).toBe('2014-06-01T09:56:00.000Z');
    expect(sent[posts[1]!.title]).toBeUndefined();
    expect(sent[posts[2]!.title]).toBeUndefined();
    expect(items.every((i) => i.firstSeenAt === syncedAt)).toBe(true);
  });

  it('never duplicates entries with missing or repeated guids, across pages and syncs', async () => {
    const posts = makePosts(16);
    const same = (p: ArchivePost): ArchivePost =>
      p.n === 14 || p.n === 3 ? { ...p, guid: 'shared-guid' } : p;
    const { bench, meta } = await withHealthy((server) => {
      const noGuid = (xml: string, n: number) =>
        xml.replace(`<guid isPermaLink="false">${server.origin}/?p=${1000 + n}</guid>`, '');
      const noLink = (xml: string, n: number) =>
        xml.replace(`<link>${server.origin}/2013/lesson-${n}/</link>`, '');
      // Post 15 has no guid (keyed by link), post 16 neither (keyed by content).
      const page1 = noLink(
        noGuid(noGuid(rssPage(posts.slice(0, 10).map(same), server.origin), 15), 16),
        16,
      );
      // Page 2 repeats page 1's last post, as when an email is published during the walk.
      const page2 = rssPage(posts.slice(9).map(same), server.origin);
      return servePages(server, '/dupes/feed/', [page1, page2]);
    });
    const first = await savedItems(bench, meta);
    // 16 posts; 14 and 3 share a guid, so they are one entry: the newest (14) wins.
    expect(first).toHaveLength(15);
    expect(new Set(first.map((i) => i.id)).size).toBe(15);
    expect(first.find((i) => i.key === 'shared-guid')?.title).toBe(
      posts.find((p) => p.n === 14)?.title,
    );

    const again = await bench.sync([meta]);
    expect(resultFor(again, meta.id)).toMatchObject({
      status: 'ok',
      newItems: 0,
      updatedItems: 0,
      itemCount: 15,
    });
    expect(await savedItems(bench, meta)).toEqual(first);
  });

  it('stores hostile HTML sanitized, on disk', async () => {
    const [post] = makePosts(1);
    const hostile = {
      ...post!,
      title: 'Lesson <script>alert(1)</script>one',
      body:
        `${post!.body}<script>alert(1)</script><img src="x.png" onerror="alert(2)"><a href=" JaVaScRiPt:alert(3)">link</a>` +
        '<iframe src="javascript:alert(4)"></iframe><svg onload="alert(5)"></svg><style>body{display:none}</style>' +
        '<form action="https://evil.example/"><input name="password"></form><object data="evil.swf"></object>' +
        '<p style="background:url(javascript:alert(6))" onclick="alert(7)">kept text</p><img src="data:image/png;base64,AAAA">',
    };
    const { bench, meta } = await withHealthy((server) =>
      servePages(server, '/hostile/feed/', [rssPage([hostile], server.origin)]),
    );
    const raw = await readFile(join(bench.dataDir, 'library', `${meta.id}.json`), 'utf8');
    expect(raw).toContain('kept text');
    expect(raw).not.toMatch(
      /<script|<iframe|<svg|<style|<form|<input|<object|javascript:|onerror|onload|onclick|style=|data:image/i,
    );
    const [item] = await savedItems(bench, meta);
    expect(item?.title).not.toContain('<');
  });

  it('saves an email whose picture is huge, skipping only that picture', async () => {
    const posts = makePosts(2);
    const { bench, meta, report } = await withHealthy((server) => {
      server.route('/img/small.png', serveBody(PNG, { headers: { 'content-type': 'image/png' } }));
      server.route(
        '/img/huge.png',
        serveBody(pngOfSize(6 * 1024 * 1024), { headers: { 'content-type': 'image/png' } }),
      );
      server.route('/img/other.gif', serveBody(GIF, { headers: { 'content-type': 'image/gif' } }));
      const img = (name: string) => `<img src="${server.url(`/img/${name}`)}" alt="${name}">`;
      const withPictures = [
        { ...posts[0]!, body: `${posts[0]!.body}${img('small.png')}${img('huge.png')}` },
        { ...posts[1]!, body: `${posts[1]!.body}${img('other.gif')}` },
      ];
      return servePages(server, '/pictures/feed/', [rssPage(withPictures, server.origin)]);
    });
    expect(resultFor(report, meta.id)).toMatchObject({ status: 'ok', itemCount: 2 });
    const items = await savedItems(bench, meta);
    const cached = items
      .flatMap((i) => i.images.map((image) => new URL(image.url).pathname))
      .sort();
    expect(cached).toEqual(['/img/other.gif', '/img/small.png']);
    expect(items.find((i) => i.html.includes('huge.png'))).toBeDefined();
    const folders = await readdir(bench.assetsDir);
    const files = (await Promise.all(folders.map((f) => readdir(join(bench.assetsDir, f))))).flat();
    expect(files.sort()).toEqual(
      items.flatMap((i) => i.images.map((image) => image.file.split('/')[1])).sort(),
    );
  });
});
