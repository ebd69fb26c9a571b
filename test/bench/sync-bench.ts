import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { LibraryStore } from '../../electron/core/library/library-store';
import type { SourceMeta } from '../../electron/core/library/model';
import type { PageProcessor } from '../../electron/core/sync/page-processor';
import { sanitizeFeedHtml } from '../../electron/core/sync/sanitize-email';
import { syncSources } from '../../electron/core/sync/sync-engine';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { makePosts, paginate, rssPage } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';
import { realisticEmailBody } from './realistic-email';
import { stats, timeMs, type Stats } from './stats';

export interface SyncBench {
  sync_full: Stats;
  parse_only: Stats;
  /** rss-parser, then sanitize-html of every item, serially on one thread: the floor. */
  parse_sanitize: Stats;
  sync_full_ratio: number;
  /** The earlier ratio, against the bare parse alone. */
  sync_full_parse_ratio: number;
  resync_304: Stats;
  resync_ratio: number;
}

const EMAILS = 1000;
const RESYNC_SOURCES = 20;

/**
 * First sync of a 1,000-email archive in 100 pages, against the work this
 * design cannot avoid: parsing the same bodies and sanitizing every email,
 * serially on one thread (the sync does it in two worker threads).
 */
export async function benchSync(runs: number, processor: PageProcessor): Promise<SyncBench> {
  const server = await startFeedServer();
  try {
    const posts = makePosts(EMAILS, { body: realisticEmailBody });
    const route = serveArchive(server, { posts });
    const bodies = paginate(posts).map((page) => rssPage(page, server.origin));
    const parser = new Parser<object, { 'content:encoded'?: string; link?: string }>({
      customFields: { item: ['content:encoded'] },
    });
    const full: number[] = [];
    const parse: number[] = [];
    const parseSanitize: number[] = [];
    for (let run = 0; run < runs; run++) {
      parse.push(
        await timeMs(async () => {
          for (const body of bodies) await parser.parseString(body);
        }),
      );
      parseSanitize.push(
        await timeMs(async () => {
          for (const body of bodies) {
            const feed = await parser.parseString(body);
            for (const item of feed.items)
              sanitizeFeedHtml(item['content:encoded'] ?? '', item.link ?? route.feedUrl);
          }
        }),
      );
      full.push(
        await withLibrary((library, assetsDir) =>
          timeMs(() =>
            syncSources([archiveMeta(route.feedUrl, 'bench-archive')], {
              library,
              assetsDir,
              processor,
            }),
          ),
        ),
      );
    }
    const resync = await benchResync(server, runs);
    const fullStats = stats(full);
    const parseStats = stats(parse);
    const floorStats = stats(parseSanitize);
    const resyncStats = stats(resync);
    return {
      sync_full: fullStats,
      parse_only: parseStats,
      parse_sanitize: floorStats,
      sync_full_ratio: ratio(fullStats.median, floorStats.median),
      sync_full_parse_ratio: ratio(fullStats.median, parseStats.median),
      resync_304: resyncStats,
      resync_ratio: ratio(resyncStats.median, fullStats.median),
    };
  } finally {
    await server.close();
  }
}

/** 20 sources already synced, all answering 304. */
async function benchResync(server: FeedServer, runs: number): Promise<number[]> {
  const metas: SourceMeta[] = [];
  for (let i = 0; i < RESYNC_SOURCES; i++) {
    const route = serveArchive(server, { path: `/category/seq${i}/feed/`, posts: makePosts(10) });
    metas.push(archiveMeta(route.feedUrl, `resync-${i}`));
  }
  return withLibrary(async (library, assetsDir) => {
    await syncSources(metas, { library, assetsDir });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      samples.push(
        await timeMs(async () => {
          const report = await syncSources(metas, { library, assetsDir });
          if (report.results.some((r) => r.status !== 'not-modified'))
            throw new Error('resync bench: expected 304s');
        }),
      );
    }
    return samples;
  });
}

function archiveMeta(url: string, id: string): SourceMeta {
  return { id, url, kind: 'archive' };
}

async function withLibrary<T>(
  fn: (library: LibraryStore, assetsDir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-'));
  try {
    const library = await LibraryStore.open(dir);
    return await fn(library, join(dir, 'assets'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function ratio(a: number, b: number): number {
  return Math.round((a / b) * 1000) / 1000;
}
