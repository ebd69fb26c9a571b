import { describeError, isStudylineError, StudylineError } from '../errors';
import { sourceLabel } from '../library/library-store';
import type { SourceMeta } from '../library/model';
import type { SyncProgress } from '../../shared/types';
import { fetchResource } from './http-layer';
import type { ItemMerger } from './item-merge';
import { createPageProcessor } from './page-processor';
import type { ProcessedPage } from './process-page';
import { pagedUrl } from './source-id';
import { DEFAULT_SOURCE_LIMITS, type SourceBudget } from './source-limits';
import type { SourceSyncContext } from './sync-source';

const inThread = createPageProcessor();

export type Report = (phase: SyncProgress['phase'], extra?: Partial<SyncProgress>) => void;

interface Walk {
  source: SourceMeta;
  merger: ItemMerger;
  firstFeed: ProcessedPage;
  firstAdded: number;
  ctx: SourceSyncContext;
  /** Merges and stores one page; returns how many of its entries were new. */
  onPage: (feed: ProcessedPage, page: number) => number;
  /** The feed's limits, and what the pages so far have taken of them. */
  budget: SourceBudget;
}

export interface WalkResult {
  /** The walk met the archive's end (404, an empty page, page 1 repeated), every page stored. */
  reachedEnd: boolean;
  /** A later sync met emails already stored: everything newer is in. */
  caughtUp: boolean;
  /** Why the walk broke off; every page before it is stored. */
  failure?: Error;
  /** How many of the earliest emails may be missing after a break (about). */
  missingEstimate?: number;
  /** Stopped at the feed's item or size limit: older emails exist and are left out. */
  overLimit?: boolean;
  /** Stopped at the page limit before the archive's end. */
  pageLimit?: boolean;
}

/**
 * Pages asked for at once on a first walk: the page awaited and the ones
 * after it, so a distant host is kept busy up to its per-host limit (6).
 */
const READ_AHEAD = 6;

/**
 * WordPress serves 10 posts a page: the first sync walks `?paged=2,3,…` until
 * a 404 or an empty page (the whole history), reading a few pages ahead;
 * later syncs go on only until a page holds an email already stored. A
 * server that ignores `paged` repeats page 1: stop.
 */
export async function walkOlderPages(walk: Walk): Promise<WalkResult> {
  const { source, firstFeed, ctx, budget } = walk;
  const done = { reachedEnd: false, caughtUp: false };
  if (firstFeed.items.length === 0) return { ...done, reachedEnd: true };
  const wholeHistory = !source.fullHistory;
  if (!wholeHistory && walk.firstAdded < firstFeed.items.length) return { ...done, caughtUp: true };
  if (budget.exceeded) return { ...done, overLimit: true };
  const stop = new AbortController();
  const signal = ctx.fetch.signal ? AbortSignal.any([ctx.fetch.signal, stop.signal]) : stop.signal;
  const pages = new PageReader(walk, { ...ctx, fetch: { ...ctx.fetch, signal } });
  let previousKeys = keysOf(firstFeed);
  try {
    for (let page = 2; page <= pages.maxPages; page++) {
      // Never more pages ahead than the feed's item limit still wants.
      const wanted = Math.ceil(budget.itemsLeft / Math.max(1, firstFeed.totalItems));
      pages.launchUpTo(page + Math.max(1, Math.min(wholeHistory ? READ_AHEAD : 1, wanted)) - 1);
      let feed: ProcessedPage | undefined;
      try {
        feed = await pages.get(page);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        return { ...done, failure, missingEstimate: await pages.missingAfterBreak() };
      }
      const keys = feed ? keysOf(feed) : '';
      if (!feed || feed.items.length === 0 || keys === previousKeys) {
        return { ...done, reachedEnd: true };
      }
      previousKeys = keys;
      const added = walk.onPage(feed, page);
      if (!wholeHistory && added < feed.items.length) return { ...done, caughtUp: true };
      if (budget.exceeded) return { ...done, overLimit: true };
    }
    return { ...done, pageLimit: true };
  } finally {
    stop.abort(); // pages read ahead past the end are not needed
    await pages.settled(); // and nothing of this walk runs on after it
  }
}

/** Older pages, fetched ahead of need and handed out in order. */
class PageReader {
  private readonly ahead = new Map<number, Promise<ProcessedPage | undefined>>();
  private next = 2;
  /** The first page known to be past the end (404): nothing beyond it is asked for. */
  private end = Infinity;
  readonly maxPages: number;

  constructor(
    private readonly walk: Walk,
    private readonly ctx: SourceSyncContext,
  ) {
    this.maxPages = walk.budget.limits.maxPages;
  }

  launchUpTo(last: number): void {
    while (this.next <= Math.min(last, this.maxPages) && this.next < this.end) {
      const page = this.next++;
      const promise = fetchPage(this.walk, page, this.ctx).then((feed) => {
        if (!feed || feed.items.length === 0) this.end = Math.min(this.end, page);
        return feed;
      });
      promise.catch(() => {}); // awaited in order; never an unhandled rejection
      this.ahead.set(page, promise);
    }
  }

  async settled(): Promise<void> {
    await Promise.allSettled(this.ahead.values());
  }

  get(page: number): Promise<ProcessedPage | undefined> {
    const promise = this.ahead.get(page)!;
    this.ahead.delete(page);
    return promise;
  }

  /**
   * The walk broke off at a page: the emails of that page and of the pages
   * already read beyond it are the earliest ones, not stored. Pages that
   * failed too count as full ones.
   */
  async missingAfterBreak(): Promise<number> {
    const pageSize = this.walk.firstFeed.items.length;
    let missing = pageSize;
    for (const [, promise] of [...this.ahead].sort(([a], [b]) => a - b)) {
      const feed = await promise.catch(() => 'failed' as const);
      if (feed === undefined || (feed !== 'failed' && feed.items.length === 0)) break;
      missing += feed === 'failed' ? pageSize : feed.items.length;
    }
    return missing;
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
    maxItems: ctx.limits?.maxItems ?? DEFAULT_SOURCE_LIMITS.maxItems,
  });
}

/** One older page; undefined when the server says there is no such page (404/410). */
async function fetchPage({ source, merger }: Walk, page: number, ctx: SourceSyncContext) {
  try {
    const response = await fetchResource(pagedUrl(source.url, page), ctx.fetch, ctx.http);
    if (response.status !== 'ok') return undefined;
    return await processWith(ctx, source, merger, response, page);
  } catch (error) {
    if (isStudylineError(error) && (error.httpStatus === 404 || error.httpStatus === 410)) {
      return undefined;
    }
    if (isStudylineError(error) && error.code === 'cancelled') throw error;
    if (isStudylineError(error) && error.code === 'empty') return undefined;
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
