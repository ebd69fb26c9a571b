import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SourceMeta } from '../../../electron/core/library/model';
import { syncSource } from '../../../electron/core/sync/sync-source';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let server: FeedServer;
let assetsDir: string;
beforeEach(async () => {
  server = await startFeedServer();
  assetsDir = await mkdtemp(join(tmpdir(), 'studyline-img-'));
});
afterEach(async () => {
  await server.close();
  await rm(assetsDir, { recursive: true, force: true });
});

it('finishes the pictures a cancelled sync left behind, even when the feed answers 304', async () => {
  const [post] = makePosts(1);
  const withPicture = {
    ...post!,
    body: `${post!.body}<p><img src="${server.url('/spiral.png')}" alt="A square spiral"></p>`,
  };
  const route = serveArchive(server, { posts: [withPicture] });
  const meta: SourceMeta = { id: 'pictures-test', url: route.feedUrl, kind: 'archive' };
  const controller = new AbortController();
  // The picture download hangs until the learner cancels the sync.
  server.route('/spiral.png', () => controller.abort());
  const ctx = (signal?: AbortSignal) => ({
    fetch: { timeoutMs: 5000, signal },
    assetsDir,
    now: () => new Date('2026-11-28T10:00:00Z'),
    onProgress: () => {},
  });

  const cancelled = await syncSource(meta, undefined, ctx(controller.signal));
  expect(cancelled.result.status).toBe('cancelled');
  expect(cancelled.file.items[0]).toMatchObject({ images: [], imagesDone: false });

  server.route('/spiral.png', serveBody(PNG, { headers: { 'content-type': 'image/png' } }));
  const next = await syncSource(meta, cancelled.file, ctx());
  expect(next.result.status).toBe('not-modified');
  const [item] = next.file.items;
  expect(item?.imagesDone).toBe(true);
  expect(item?.images).toHaveLength(1);
  expect(existsSync(join(assetsDir, item!.images[0]!.file))).toBe(true);
});
