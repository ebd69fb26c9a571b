import { describeError, isStudylineError } from '../errors';
import type { SourceFile, SourceMeta } from '../library/model';
import { sourceLabel } from '../library/library-store';
import { LIBRARY_SCHEMA_VERSION } from '../library/model';
import type { SourceSyncResult, SyncProgress } from '../../shared/types';
import { fetchResource, type FetchOptions } from './http-fetch';
import { ItemMerger } from './item-merge';
import type { PageProcessor } from './page-processor';
import type { ProcessedPage } from './process-page';
import { processWith, walkOlderPages, type Report } from './archive-walk';
import { cacheItemImages } from './sync-images';

export interface SourceSyncContext {
  fetch: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'signal' | 'userAgent'>;
  assetsDir: string;
  now: () => Date;
  onProgress: (progress: SyncProgress) => void;
  /** A hostile or broken server that pages forever stops here. */
  maxPages?: number;
  /** Group feeds keep only their most recent posts. */
  maxGroupItems?: number;
  /** Parses and sanitizes pages (worker threads when available). */
  processor?: PageProcessor;
}

export interface SourceSyncOutcome {
  file: SourceFile;
  result: SourceSyncResult;
}

const DEFAULT_MAX_GROUP_ITEMS = 300;

/**
 * Syncs one feed into its library file. Never throws for a feed problem: the
 * failure is recorded on the source (learner-readable) and the items already
 * saved are kept.
 */
export async function syncSource(
  meta: SourceMeta,
  existing: SourceFile | undefined,
  ctx: SourceSyncContext,
): Promise<SourceSyncOutcome> {
  const nowIso = ctx.now().toISOString();
  // What earlier syncs learned (validators, title, history walked) is kept;
  // where the feed lives is what the course says now.
  const source: SourceMeta = {
    ...meta,
    ...existing?.source,
    id: meta.id,
    url: meta.url,
    kind: meta.kind,
  };
  const merger = new ItemMerger(source, existing?.items ?? [], nowIso);
  const progress = progressReporter(source, merger, ctx.onProgress);
  const walk = { pages: 0, reachedEnd: false };

  const waitUntil = source.retryAfter ? Date.parse(source.retryAfter) : 0;
  if (waitUntil > ctx.now().getTime()) {
    const message = `${sourceLabel(source)} asked us to wait until ${new Date(waitUntil).toLocaleString()}; skipped for now.`;
    progress('skipped', { message });
    return finish(source, merger, existing, 'skipped', walk.pages, message);
  }
  progress('start');
  try {
    // Until the whole history is in, a 304 on page 1 must not stop the walk.
    const conditional = source.kind === 'group' || source.fullHistory;
    const first = await fetchResource(source.url, {
      ...ctx.fetch,
      etag: conditional ? source.etag : undefined,
      lastModified: conditional ? source.lastModified : undefined,
    });
    if (first.status === 'not-modified') {
      Object.assign(source, { lastSuccessAt: nowIso, lastError: undefined, retryAfter: undefined });
      await cacheItemImages(source, merger, ctx); // pictures a cancelled sync left behind
      progress('not-modified');
      return finish(source, merger, existing, 'not-modified', 0, undefined, ctx);
    }
    const feed = await processWith(ctx, source, merger, first, 1);
    Object.assign(source, { etag: first.etag, lastModified: first.lastModified });
    applyFeedInfo(source, feed);
    walk.pages = 1;
    const added = merger.mergePage(feed.items);
    progress('page', { page: 1 });
    if (source.kind === 'archive') {
      await walkOlderPages({
        source,
        merger,
        firstFeed: feed,
        firstAdded: added,
        walk,
        ctx,
        progress,
      });
      if (walk.reachedEnd) source.fullHistory = true;
    }
    await cacheItemImages(source, merger, ctx);
    Object.assign(source, { lastSuccessAt: nowIso, lastError: undefined, retryAfter: undefined });
    progress('done');
    return finish(source, merger, existing, 'ok', walk.pages, undefined, ctx);
  } catch (error) {
    return failed(source, merger, existing, walk.pages, error, progress, ctx);
  }
}

function failed(
  source: SourceMeta,
  merger: ItemMerger,
  existing: SourceFile | undefined,
  pages: number,
  error: unknown,
  progress: Report,
  ctx: SourceSyncContext,
): SourceSyncOutcome {
  const cancelled = isStudylineError(error) && error.code === 'cancelled';
  const message = cancelled ? 'Sync cancelled.' : describeError(error);
  if (!cancelled) {
    source.lastError = message;
    if (isStudylineError(error) && error.retryAt) {
      source.retryAfter = new Date(error.retryAt).toISOString();
    }
  }
  progress('error', { message });
  // Items fetched before the failure (earlier pages) are kept.
  const outcome = finish(
    source,
    merger,
    existing,
    cancelled ? 'cancelled' : 'error',
    pages,
    message,
    ctx,
  );
  outcome.result.errorCode = isStudylineError(error) ? error.code : 'unknown';
  return outcome;
}

function finish(
  source: SourceMeta,
  merger: ItemMerger,
  existing: SourceFile | undefined,
  status: SourceSyncResult['status'],
  pages: number,
  error?: string,
  ctx?: SourceSyncContext,
): SourceSyncOutcome {
  if (ctx) source.lastSyncAt = ctx.now().toISOString();
  let items = merger.items();
  if (source.kind === 'group')
    items = newestFirst(items).slice(0, ctx?.maxGroupItems ?? DEFAULT_MAX_GROUP_ITEMS);
  const file: SourceFile =
    existing && merger.changedKeys.size === 0
      ? { ...existing, schemaVersion: LIBRARY_SCHEMA_VERSION, source }
      : { schemaVersion: LIBRARY_SCHEMA_VERSION, source, items };
  return {
    file,
    result: {
      sourceId: source.id,
      url: source.url,
      kind: source.kind,
      status,
      error,
      newItems: merger.newCount,
      updatedItems: merger.updatedCount,
      pages,
      itemCount: file.items.length,
    },
  };
}

function newestFirst<T extends { sentAt?: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
}

function applyFeedInfo(source: SourceMeta, feed: ProcessedPage): void {
  if (feed.title) source.title = feed.title;
  if (feed.link) source.siteUrl = feed.link;
}

function progressReporter(
  source: SourceMeta,
  merger: ItemMerger,
  onProgress: (p: SyncProgress) => void,
): Report {
  return (phase, extra = {}) =>
    onProgress({
      sourceId: source.id,
      url: source.url,
      kind: source.kind,
      phase,
      newItems: merger.newCount,
      totalItems: merger.size,
      ...extra,
    });
}
