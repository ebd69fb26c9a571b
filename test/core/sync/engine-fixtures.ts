import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceFile, SourceMeta } from '../../../electron/core/library/model';
import { syncSources, type SyncEngineOptions } from '../../../electron/core/sync/sync-engine';
import type { SourceSyncResult, SyncProgress, SyncReport } from '../../../electron/shared/types';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';
import type { ArchivePost } from '../../helpers/wordpress-feed';
import { serveArchive, type ArchiveRoute } from '../../helpers/wordpress-server';

/** A learner's data folder with a real LibraryStore, synced through `syncSources`. */
export interface Bench {
  dataDir: string;
  assetsDir: string;
  library: LibraryStore;
  progress: SyncProgress[];
  sync(metas: SourceMeta[], extra?: Partial<SyncEngineOptions>): Promise<SyncReport>;
  /** The source as saved on disk, read by a fresh store (nothing cached). */
  onDisk(sourceId: string): Promise<SourceFile | undefined>;
  /** Names in library/ other than source files and their last good copies. */
  strayFiles(): Promise<string[]>;
}

export interface Archive {
  meta: SourceMeta;
  route: ArchiveRoute;
  server: FeedServer;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A loopback feed server closed after the test. */
export async function startServer(): Promise<FeedServer> {
  const server = await startFeedServer();
  cleanups.push(() => server.close());
  return server;
}

export async function openBench(): Promise<Bench> {
  const dataDir = await mkdtemp(join(tmpdir(), 'studyline-engine-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const assetsDir = join(dataDir, 'assets');
  const library = await LibraryStore.open(dataDir);
  const progress: SyncProgress[] = [];
  return {
    dataDir,
    assetsDir,
    library,
    progress,
    sync: (metas, extra = {}) =>
      syncSources(metas, {
        library,
        assetsDir,
        timeoutMs: 3000,
        onProgress: (p) => progress.push(p),
        ...extra,
      }),
    onDisk: async (sourceId) => (await LibraryStore.open(dataDir)).get(sourceId),
    strayFiles: async () =>
      (await readdir(join(dataDir, 'library'))).filter((name) => !/\.json(\.bak)?$/.test(name)),
  };
}

/** A WordPress category feed (10 posts a page) at /category/<slug>/feed/. */
export function archiveOn(server: FeedServer, slug: string, posts: ArchivePost[]): Archive {
  const route = serveArchive(server, { path: `/category/${slug}/feed/`, posts });
  return { meta: { id: slug, url: route.feedUrl, kind: 'archive' }, route, server };
}

export function resultFor(report: SyncReport, sourceId: string): SourceSyncResult {
  const result = report.results.find((r) => r.sourceId === sourceId);
  if (!result) throw new Error(`no result for ${sourceId}`);
  return result;
}

/** Every post of the archive saved, once each, with no error recorded. */
export async function expectComplete(
  bench: Bench,
  archive: Archive,
  count: number,
): Promise<SourceFile> {
  const file = await bench.onDisk(archive.meta.id);
  expect(file?.items).toHaveLength(count);
  expect(new Set(file?.items.map((i) => i.id)).size).toBe(count);
  expect(file?.source.lastError).toBeUndefined();
  return file!;
}

export function hostOf(url: string): string {
  return new URL(url).host;
}
