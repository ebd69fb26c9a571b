import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceMeta } from '../../../electron/core/library/model';
import type { HostLookup } from '../../../electron/core/sync/address-policy';
import { syncSource } from '../../../electron/core/sync/sync-source';
import { redirectTo, serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

// The loopback server plays two parts: "localhost" is a site on the internet (the
// make-believe DNS below says so; the connection still goes to 127.0.0.1), while
// 127.0.0.1 and "printer.localhost" are the learner's own machine and network.
const dns: HostLookup = (hostname) => {
  if (hostname === 'localhost') return Promise.resolve(['93.184.216.34']);
  if (hostname === 'printer.localhost') return Promise.resolve(['192.168.1.40']);
  return Promise.reject(new Error(`ENOTFOUND ${hostname}`));
};

let server: FeedServer;
let assetsDir: string;
beforeEach(async () => {
  server = await startFeedServer();
  assetsDir = await mkdtemp(join(tmpdir(), 'studyline-private-'));
  for (const path of ['/home.png', '/printer.png', '/bounced.png', '/public.png']) {
    server.route(path, serveBody(PNG, { headers: { 'content-type': 'image/png' } }));
  }
  server.route('/bounce.png', redirectTo(server.url('/bounced.png')));
});
afterEach(async () => {
  await server.close();
  await rm(assetsDir, { recursive: true, force: true });
});

const internetUrl = (path: string) => `http://localhost:${server.port}${path}`;

function sync(meta: SourceMeta, lookup?: HostLookup) {
  return syncSource(meta, undefined, {
    fetch: { timeoutMs: 5000 },
    assetsDir,
    now: () => new Date('2026-11-30T10:00:00Z'),
    onProgress: () => {},
    lookup,
  });
}

/** An archive whose one email shows the given pictures. */
function archiveWithPictures(srcs: string[]) {
  const [post] = makePosts(1);
  const pictures = srcs.map((src) => `<p><img src="${src}" alt="A picture"></p>`).join('');
  return serveArchive(server, { posts: [{ ...post!, body: `${post!.body}${pictures}` }] });
}

describe('addresses a feed names', () => {
  it('never fetches the learner’s computer or network for a feed on the internet', async () => {
    const route = archiveWithPictures([
      server.url('/home.png'), // 127.0.0.1
      `http://printer.localhost:${server.port}/printer.png`, // 192.168.1.40 after DNS
      internetUrl('/bounce.png'), // on the internet, redirected to 127.0.0.1
      internetUrl('/public.png'),
    ]);
    const meta: SourceMeta = { id: 'hostile', url: internetUrl(route.feedPath), kind: 'archive' };

    const { result, file } = await sync(meta, dns);

    expect(result.status).toBe('ok');
    expect(server.requestsTo('/home.png')).toHaveLength(0);
    expect(server.requestsTo('/printer.png')).toHaveLength(0);
    expect(server.requestsTo('/bounce.png')).toHaveLength(1);
    expect(server.requestsTo('/bounced.png')).toHaveLength(0);
    const [item] = file.items;
    expect(item?.images.map((image) => image.url)).toEqual([internetUrl('/public.png')]);
    const failures = item?.pictureFailures ?? [];
    expect(failures.map((failure) => failure.reason)).toEqual([
      expect.stringContaining('it is on this computer (127.0.0.1)'),
      expect.stringContaining('it is on a private network (192.168.1.40)'),
      expect.stringContaining('it is on this computer (127.0.0.1)'),
    ]);
    // Refused for good: no retry an hour later.
    expect(failures.every((failure) => failure.retryAt === undefined)).toBe(true);
  });

  it('refuses a feed on the internet that redirects into the learner’s network', async () => {
    const route = archiveWithPictures([]);
    server.route('/moved/feed/', redirectTo(route.feedUrl));
    const meta: SourceMeta = { id: 'moved', url: internetUrl('/moved/feed/'), kind: 'archive' };

    const { result } = await sync(meta, dns);

    expect(result.status).toBe('error');
    expect(result.errorCode).toBe('private-address');
    expect(result.error).toContain('it is on this computer (127.0.0.1)');
    expect(server.requestsTo(route.feedPath)).toHaveLength(0);
  });

  it('lets a feed the learner follows on their own computer show its local pictures', async () => {
    const route = archiveWithPictures([server.url('/home.png')]);
    const meta: SourceMeta = { id: 'local', url: route.feedUrl, kind: 'archive' };

    const { result, file } = await sync(meta);

    expect(result.status).toBe('ok');
    expect(file.items[0]?.images.map((image) => image.url)).toEqual([server.url('/home.png')]);
    expect(file.items[0]?.pictureFailures).toBeUndefined();
  });
});
