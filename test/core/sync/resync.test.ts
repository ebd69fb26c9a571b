import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceMeta } from '../../../electron/core/library/model';
import { syncSources } from '../../../electron/core/sync/sync-engine';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';
import { countingFs, tempDir } from '../library/helpers';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(() => server.close());

it('re-syncs unchanged feeds (304) without rewriting their files, keeping the sync time for close', async () => {
  const metas: SourceMeta[] = [0, 1, 2].map((i) => ({
    id: `archive-${i}`,
    url: serveArchive(server, { path: `/c${i}/feed/`, posts: makePosts(5) }).feedUrl,
    kind: 'archive',
  }));
  const dir = await tempDir();
  const fs = countingFs();
  const library = await LibraryStore.open(dir, { fs });
  let now = new Date('2026-11-28T10:00:00Z');
  const options = { library, assetsDir: join(dir, 'assets'), now: () => now };
  await syncSources(metas, options);
  const afterFirst = fs.writes();

  now = new Date('2026-11-28T14:00:00Z');
  const report = await syncSources(metas, options);
  expect(report.results.map((r) => r.status)).toEqual([
    'not-modified',
    'not-modified',
    'not-modified',
  ]);
  expect(fs.writes()).toBe(afterFirst);
  expect((await library.get('archive-1'))?.source.lastSyncAt).toBe('2026-11-28T14:00:00.000Z');

  await library.close();
  const reopened = await LibraryStore.open(dir);
  expect((await reopened.get('archive-2'))?.source.lastSyncAt).toBe('2026-11-28T14:00:00.000Z');
  expect((await reopened.get('archive-2'))?.items).toHaveLength(5);
});
