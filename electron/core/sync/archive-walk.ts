import { describeError, isStudylineError, StudylineError } from '../errors';
import { sourceLabel } from '../library/library-store';
import type { SourceMeta } from '../library/model';
import type { SyncProgress } from '../../shared/types';
import { fetchResource } from './http-fetch';
import type { ItemMerger } from './item-merge';
import { createPageProcessor } from './page-processor';
import type { ProcessedPage } from './process-page';
import { pagedUrl } from './source-id';
import type { SourceSyncContext } from './sync-source';

const inThread = createPageProcessor();
const DEFAULT_MAX_PAGES = 500;

export type Report = (phase: SyncProgress['phase'], extra?: Partial<SyncProgress>) => void;

interface Walk {
  source: SourceMeta;
  merger: ItemMerger;
  firstFeed: ProcessedPage;
  firstAdded: number;
  walk: { pages: number; reachedEnd: boolean };
  ctx: SourceSyncContext;
  progress: Report;
}

/** Pages downloaded ahead while earlier ones are parsed, on the first walk. */
const READ_AHEAD = 3;

/**
 * WordPress serves 10 posts a page: the first sync walks `?paged=2,3,…` until
 * a 404 or an empty page (the whole history); later syncs go on only while
 * pages bring new posts. A server that ignores `paged` repeats page 1: stop.
 */
export async function walkOlderPages({
  source,
  merger,
  firstFeed,
  firstAdded,
  walk,
  ctx,
  progress,
}: Walk): Promise<void> {
  if (firstFeed.items.length === 0) {
    walk.reachedEnd = true;
    return;
  }
  const wholeHistory = !source.fullHistory;
  const stop = new AbortController();
  const signal = ctx.fetch.signal ? AbortSignal.any([ctx.fetch.signal, stop.signal]) : stop.signal;
  const pageCtx = { ...ctx, fetch: { ...ctx.fetch, signal } };
  const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
  const ahead = new Map<number, Promise<ProcessedPage | undefined>>();
  const launch = (page: number) => {
    const promise = fetchPage(source, merger, page, pageCtx);
    promise.catch(() => {}); // awaited in order below; never an unhandled rejection
    ahead.set(page, promise);
  };
  let previousKeys = keysOf(firstFeed);
  let added = firstAdded;
  let next = 2;
  try {
    for (let page = 2; page <= maxPages; page++) {
      if (!wholeHistory && added === 0) return;
      while (next <= maxPages && next < page + (wholeHistory ? READ_AHEAD : 1)) launch(next++);
      const feed = await ahead.get(page)!;
      ahead.delete(page);
      const keys = feed ? keysOf(feed) : '';
      if (!feed || feed.items.length === 0 || keys === previousKeys) {
        walk.reachedEnd = true;
        return;
      }
      previousKeys = keys;
      added = merger.mergePage(feed.items);
      walk.pages = page;
      progress('page', { page });
    }
  } finally {
    stop.abort(); // pages read ahead past the end are not needed
  }
}

function keysOf(page: ProcessedPage): string {
  return page.items.map((item) => item.key).join('\n');
}

export async function processWith(
  ctx: SourceSyncContext,
  source: SourceMeta,
  merger: ItemMerger,
  response: { body: Buffer; contentType?: string; url: string },
  page: number,
): Promise<ProcessedPage> {
  // Page 1 is all most syncs read: not worth waking the worker threads for.
  const processor = page === 1 ? inThread : (ctx.processor ?? inThread);
  return processor.run({
    body: response.body,
    contentType: response.contentType,
    url: response.url,
    kind: source.kind,
    knownVersions: merger.storedVersions,
  });
}

/** One older page; undefined when the server says there is no such page (404/410). */
async function fetchPage(
  source: SourceMeta,
  merger: ItemMerger,
  page: number,
  ctx: SourceSyncContext,
) {
  try {
    const response = await fetchResource(pagedUrl(source.url, page), ctx.fetch);
    if (response.status !== 'ok') return undefined;
    return await processWith(ctx, source, merger, response, page);
  } catch (error) {
    if (isStudylineError(error) && (error.httpStatus === 404 || error.httpStatus === 410)) {
      return undefined;
    }
    if (isStudylineError(error) && (error.code === 'empty' || error.code === 'cancelled')) {
      if (error.code === 'cancelled') throw error;
      return undefined;
    }
    throw new StudylineError(
      isStudylineError(error) ? error.code : 'http',
      `Page ${page} of ${sourceLabel(source)} could not be read: ${describeError(error)}`,
      {
        hint: 'The emails fetched so far are saved; the next sync goes on from there.',
        cause: error,
        retryAt: isStudylineError(error) ? error.retryAt : undefined,
      },
    );
  }
}
