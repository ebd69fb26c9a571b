import { describeError, isStudylineError } from '../errors';
import type { SourceFile, SourceMeta } from '../library/model';
import { sourceLabel } from '../library/library-store';
import { newestFirst } from '../library/item-order';
import { LIBRARY_SCHEMA_VERSION } from '../library/model';
import type { SourceSyncResult, SyncProgress } from '../../shared/types';
import { sourceAddressGuard, type HostLookup } from './address-policy';
import type { FetchOptions } from './http-fetch';
import { fetchResource, type HttpLayer } from './http-layer';
import { ItemMerger } from './item-merge';
import type { PageProcessor } from './page-processor';
import type { ProcessedPage } from './process-page';
import { processWith, walkOlderPages, type Report, type WalkResult } from './archive-walk';
import { PictureQueue } from './sync-images';
import { syncResponses } from './sync-responses';
import {
  DEFAULT_SOURCE_LIMITS,
  deadlineError,
  newestWithin,
  SourceBudget,
  tooManyBytes,
  tooManyItems,
  tooManyPages,
  type SourceLimits,
} from './source-limits';

export interface SourceSyncContext {
  fetch: Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'signal' | 'userAgent' | 'addressGuard'>;
  /** Resolves host names for the address checks (tests play the internet with it). */
  lookup?: HostLookup;
  /** Every request of the sync (pages, pictures, other sources) shares its limits. */
  http?: HttpLayer;
  assetsDir: string;
  now: () => Date;
  onProgress: (progress: SyncProgress) => void;
  /** What one feed may cost (items, stored bytes, pages, time): a hostile feed stops there. */
  limits?: Partial<SourceLimits>;
  /** Group feeds keep only their most recent posts. */
  maxGroupItems?: number;
  /** Parses and sanitizes pages (worker threads when available). */
  processor?: PageProcessor;
  /** Stores the source's file as it stands (each page of an archive walk, as soon as it is in). */
  store?: (file: SourceFile) => Promise<void>;
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
  context: SourceSyncContext,
): Promise<SourceSyncOutcome> {
  // Everything this feed makes us fetch is kept out of the learner's network, unless it lives there.
  const addressGuard = await sourceAddressGuard(meta.url, context.lookup);
  const limits = limitsOf(context);
  const deadline = AbortSignal.timeout(limits.deadlineMs);
  const signal = context.fetch.signal
    ? AbortSignal.any([context.fetch.signal, deadline])
    : deadline;
  const ctx: SourceSyncContext = {
    ...context,
    limits,
    fetch: { ...context.fetch, addressGuard, signal },
  };
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
  const budget = new SourceBudget(limits, existing?.items ?? [], () => merger.size);
  const progress = progressReporter(source, merger, ctx.onProgress);
  const pictures = new PictureQueue(source, merger, ctx);
  const walk = { pages: 0 };

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
    const first = await fetchResource(
      source.url,
      {
        ...ctx.fetch,
        etag: conditional ? source.etag : undefined,
        lastModified: conditional ? source.lastModified : undefined,
      },
      ctx.http,
    );
    if (first.status === 'not-modified') {
      pictures.startPending(); // pictures a cancelled sync left, failed ones now due
      await Promise.all([pictures.finish(), responsesOf(source, merger, ctx)]);
      Object.assign(source, { lastSuccessAt: nowIso, lastError: undefined, retryAfter: undefined });
      progress('not-modified');
      return finish(source, merger, existing, 'not-modified', 0, undefined, ctx);
    }
    const feed = await processWith(ctx, source, merger, first, 1);
    const validators = { etag: first.etag, lastModified: first.lastModified };
    applyFeedInfo(source, feed);
    const onPage = pageHandler(source, merger, existing, walk, pictures, progress, ctx, budget);
    const added = onPage(feed, 1);
    if (source.kind === 'group') recordGroupLimit(source, budget, ctx);
    if (source.kind === 'archive') {
      const result = await walkOlderPages({
        source,
        merger,
        firstFeed: feed,
        firstAdded: added,
        ctx,
        onPage,
        budget,
      });
      recordCompleteness(source, result, budget, merger);
      if (result.failure !== undefined) {
        await pictures.finish().catch(() => undefined); // the emails stored still get theirs
        throw result.failure;
      }
    }
    // Validators once every page they vouch for is stored; pictures have their own marks.
    Object.assign(source, validators);
    pictures.startPending();
    await Promise.all([pictures.finish(), responsesOf(source, merger, ctx)]);
    Object.assign(source, { lastSuccessAt: nowIso, lastError: undefined, retryAfter: undefined });
    progress('done');
    return finish(source, merger, existing, 'ok', walk.pages, undefined, ctx);
  } catch (error) {
    await pictures.finish().catch(() => undefined);
    // The feed's own time ran out (not the learner cancelling): said as such, what came in is kept.
    const cause =
      deadline.aborted && !context.fetch.signal?.aborted
        ? deadlineError(sourceLabel(source), limits)
        : error;
    return failed(source, merger, existing, walk.pages, cause, progress, ctx);
  }
}

/**
 * Each page is merged, then (archives) stored and its pictures started, so
 * the learner sees the first emails of a long first sync while the rest
 * arrive (readable at once; written to disk about once a second).
 */
function pageHandler(
  source: SourceMeta,
  merger: ItemMerger,
  existing: SourceFile | undefined,
  walk: { pages: number },
  pictures: PictureQueue,
  progress: Report,
  ctx: SourceSyncContext,
  budget: SourceBudget,
) {
  // What the stored copy says about the source stays as before until the sync ends.
  const before = existing?.source ?? { id: source.id, url: source.url, kind: source.kind };
  return (feed: ProcessedPage, page: number): number => {
    const added = merger.mergePage(feed.items);
    budget.addPage(feed);
    walk.pages = page;
    if (source.kind === 'archive') {
      if (ctx.store && merger.hasChanges) {
        const snapshot = { ...before, title: source.title, siteUrl: source.siteUrl };
        const file = finish(snapshot, merger, existing, 'ok', page).file;
        // A failed write shows again (and is reported) when the sync saves at its end.
        ctx.store(file).catch(() => undefined);
      }
      pictures.startPending();
    }
    progress('page', { page });
    return added;
  };
}

/** Whether the stored emails are now the whole archive, and if not, how many may be missing. */
function recordCompleteness(
  source: SourceMeta,
  result: WalkResult,
  budget: SourceBudget,
  merger: ItemMerger,
): void {
  if (result.reachedEnd) delete source.limitWarning;
  if (result.overLimit || result.pageLimit) {
    // As complete as the limits allow: a retry would stop at the same place; later syncs catch up.
    source.fullHistory = true;
    delete source.missingEstimate;
    source.limitWarning = result.pageLimit
      ? tooManyPages(sourceLabel(source), budget.limits)
      : budget.warning(sourceLabel(source), Math.min(merger.size, budget.limits.maxItems));
  } else if (result.reachedEnd || (result.caughtUp && source.fullHistory)) {
    source.fullHistory = true;
    delete source.missingEstimate;
  } else if (result.failure !== undefined) {
    source.fullHistory = false;
    source.missingEstimate = result.missingEstimate;
  }
}

/** A group feed is read whole each time: its warning stands only while it is too big. */
function recordGroupLimit(source: SourceMeta, budget: SourceBudget, ctx: SourceSyncContext): void {
  const kept = Math.min(budget.limits.maxItems, ctx.maxGroupItems ?? DEFAULT_MAX_GROUP_ITEMS);
  if (budget.exceeded) source.limitWarning = budget.warning(sourceLabel(source), kept);
  else delete source.limitWarning;
}

function limitsOf(ctx?: SourceSyncContext): SourceLimits {
  return { ...DEFAULT_SOURCE_LIMITS, ...ctx?.limits };
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
  const limits = limitsOf(ctx);
  const kept = newestWithin(items, limits);
  if (ctx && kept.cut) {
    const label = sourceLabel(source);
    source.limitWarning =
      kept.cut === 'items'
        ? tooManyItems(label, kept.items.length)
        : tooManyBytes(label, kept.items.length, limits);
  }
  const file: SourceFile =
    existing && !merger.hasChanges
      ? { ...existing, schemaVersion: LIBRARY_SCHEMA_VERSION, source }
      : { schemaVersion: LIBRARY_SCHEMA_VERSION, source, items: kept.items };
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
      ...(status === 'ok' && source.limitWarning ? { warning: source.limitWarning } : {}),
    },
  };
}

/** Archive emails' discussions, read while their pictures download. */
function responsesOf(source: SourceMeta, merger: ItemMerger, ctx: SourceSyncContext) {
  return source.kind === 'archive' ? syncResponses(merger, ctx) : Promise.resolve();
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
      title: source.title,
      kind: source.kind,
      phase,
      newItems: merger.newCount,
      totalItems: merger.size,
      ...extra,
    });
}
