import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { SourceMeta } from '../../../electron/core/library/model';
import { syncSource } from '../../../electron/core/sync/sync-source';
import { textMatching } from '../../helpers/matchers';
import { serveBody } from '../../helpers/feed-server';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';
import { serverAndFolderPerTest } from '../../helpers/per-test-server';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const env = serverAndFolderPerTest('img');

it('finishes the pictures a cancelled sync left behind, even when the feed answers 304', async () => {
  const [post] = makePosts(1);
  const withPicture = {
    ...post!,
    body: `${post!.body}<p><img src="${env.server.url('/spiral.png')}" alt="A square spiral"></p>`,
  };
  const route = serveArchive(env.server, { posts: [withPicture] });
  const meta: SourceMeta = { id: 'pictures-test', url: route.feedUrl, kind: 'archive' };
  const controller = new AbortController();
  // The picture download hangs until the learner cancels the sync.
  env.server.route('/spiral.png', () => controller.abort());
  const ctx = (signal?: AbortSignal) => ({
    fetch: { timeoutMs: 5000, signal },
    assetsDir: env.dir,
    now: () => new Date('2026-11-28T10:00:00Z'),
    onProgress: () => {},
  });

  const cancelled = await syncSource(meta, undefined, ctx(controller.signal));
  expect(cancelled.result.status).toBe('cancelled');
  expect(cancelled.file.items[0]).toMatchObject({ images: [], imagesDone: false });

  env.server.route('/spiral.png', serveBody(PNG, { headers: { 'content-type': 'image/png' } }));
  const next = await syncSource(meta, cancelled.file, ctx());
  expect(next.result.status).toBe('not-modified');
  const [item] = next.file.items;
  expect(item?.imagesDone).toBe(true);
  expect(item?.images).toHaveLength(1);
  expect(existsSync(join(env.dir, item!.images[0]!.file))).toBe(true);
});

it('retries a failed picture after an hour, a day and a week, then gives up and says so', async () => {
  const [post] = makePosts(1);
  const route = serveArchive(env.server, {
    posts: [
      {
        ...post!,
        body: `${post!.body}<p><img src="${env.server.url('/blip.png')}" alt="A chart"></p>`,
      },
    ],
  });
  const meta: SourceMeta = { id: 'retry-test', url: route.feedUrl, kind: 'archive' };
  env.server.route('/blip.png', serveBody('busy', { status: 500 }));
  const at = (iso: string) => ({
    fetch: { timeoutMs: 5000 },
    assetsDir: env.dir,
    now: () => new Date(iso),
    onProgress: () => {},
  });
  const pictureRequests = () => env.server.requestsTo('/blip.png').length;

  const first = await syncSource(meta, undefined, at('2026-11-28T10:00:00Z'));
  // A picture is never a sync error.
  expect(first.result.status).toBe('ok');
  expect(first.file.items[0]?.pictureFailures).toEqual([
    expect.objectContaining({ attempts: 1, retryAt: '2026-11-28T11:00:00.000Z' }),
  ]);
  const early = await syncSource(meta, first.file, at('2026-11-28T10:30:00Z'));
  expect(pictureRequests()).toBe(1);
  const second = await syncSource(meta, early.file, at('2026-11-28T11:05:00Z'));
  expect(second.result.status).toBe('not-modified');
  expect(pictureRequests()).toBe(2);
  expect(second.file.items[0]?.pictureFailures?.[0]).toMatchObject({
    attempts: 2,
    retryAt: '2026-11-29T11:05:00.000Z',
  });
  const third = await syncSource(meta, second.file, at('2026-11-29T12:00:00Z'));
  expect(third.file.items[0]?.pictureFailures?.[0]).toMatchObject({
    attempts: 3,
    retryAt: '2026-12-06T12:00:00.000Z',
  });
  const fourth = await syncSource(meta, third.file, at('2026-12-07T12:00:00Z'));
  const givenUp = fourth.file.items[0]?.pictureFailures?.[0];
  expect(givenUp).toMatchObject({ attempts: 4, reason: textMatching(/trouble/) });
  expect(givenUp?.retryAt).toBeUndefined();
  await syncSource(meta, fourth.file, at('2027-01-07T12:00:00Z'));
  expect(pictureRequests()).toBe(4);
});

it('keeps a picture that comes back on a retry, and forgets its failure', async () => {
  const [post] = makePosts(1);
  const route = serveArchive(env.server, {
    posts: [
      {
        ...post!,
        body: `${post!.body}<p><img src="${env.server.url('/late.png')}" alt="Late"></p>`,
      },
    ],
  });
  const meta: SourceMeta = { id: 'retry-ok', url: route.feedUrl, kind: 'archive' };
  env.server.route('/late.png', serveBody('busy', { status: 503 }));
  const at = (iso: string) => ({
    fetch: { timeoutMs: 5000 },
    assetsDir: env.dir,
    now: () => new Date(iso),
    onProgress: () => {},
  });
  const first = await syncSource(meta, undefined, at('2026-11-28T10:00:00Z'));
  expect(first.file.items[0]?.images).toEqual([]);
  env.server.route('/late.png', serveBody(PNG, { headers: { 'content-type': 'image/png' } }));
  const next = await syncSource(meta, first.file, at('2026-11-28T12:00:00Z'));
  const [item] = next.file.items;
  expect(item?.images.map((image) => image.url)).toEqual([env.server.url('/late.png')]);
  expect(item?.pictureFailures).toBeUndefined();
  expect(existsSync(join(env.dir, item!.images[0]!.file))).toBe(true);
});
