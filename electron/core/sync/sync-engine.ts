import { describeError, isStudylineError } from '../errors';
import type { LibraryStore } from '../library/library-store';
import type { SourceFile, SourceMeta } from '../library/model';
import { isOfflineCode } from '../../shared/errors';
import type { SourceSyncResult, SyncProgress, SyncReport } from '../../shared/types';
import pLimit from 'p-limit';
import type { HttpLayer } from './http-layer';
import type { PageProcessor } from './page-processor';
import { syncSource } from './sync-source';

export interface SyncEngineOptions {
  library: LibraryStore;
  /** Parses and sanitizes pages; worker threads when the caller has a pool. */
  processor?: PageProcessor;
  assetsDir: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** How many feeds are synced at the same time (their requests share `http`'s limits). */
  concurrency?: number;
  /** The HTTP layer with per-host and global limits (one per app or command). */
  http?: HttpLayer;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
}

/**
 * Syncs several feeds, a few at a time. Each feed is saved on its own as soon
 * as it is done, so one feed that is down, slow or hostile affects only itself.
 */
export async function syncSources(
  sources: SourceMeta[],
  options: SyncEngineOptions,
): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const limit = pLimit(options.concurrency ?? 4);
  const results = await Promise.all(
    sources.map((meta) => limit(() => syncOne(meta, options, now))),
  );
  await options.library.flush();
  const failures = results.filter((r) => r.status === 'error');
  const reached = results.filter(
    (r) => r.status !== 'error' && r.status !== 'skipped' && r.status !== 'cancelled',
  );
  return {
    startedAt,
    finishedAt: now().toISOString(),
    results,
    ok: results.every((r) => r.status === 'ok' || r.status === 'not-modified'),
    offline:
      failures.length > 0 &&
      reached.length === 0 &&
      failures.every((r) => isOfflineCode(r.errorCode)),
    cancelled: options.signal?.aborted ?? false,
  };
}

async function syncOne(
  meta: SourceMeta,
  options: SyncEngineOptions,
  now: () => Date,
): Promise<SourceSyncResult> {
  const nothingDone = {
    sourceId: meta.id,
    url: meta.url,
    kind: meta.kind,
    newItems: 0,
    updatedItems: 0,
    pages: 0,
    itemCount: 0,
  };
  let existing: SourceFile | undefined;
  try {
    existing = await options.library.get(meta.id);
    // Cancelled before its turn: nothing fetched, what was saved is still there.
    if (options.signal?.aborted) {
      return { ...nothingDone, status: 'cancelled', itemCount: existing?.items.length ?? 0 };
    }
  } catch (error) {
    // A damaged or too-new file of this source must not stop the others.
    return {
      ...nothingDone,
      status: 'error',
      error: describeError(error),
      errorCode: codeOf(error, 'corrupt'),
    };
  }
  const { file, result } = await syncSource(meta, existing, {
    fetch: { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: options.signal },
    http: options.http,
    store: (file) => options.library.saveSoon(file),
    assetsDir: options.assetsDir,
    processor: options.processor,
    now,
    onProgress: options.onProgress ?? (() => {}),
  });
  try {
    // Unchanged (304) and fine before: only timestamps moved, kept without a write.
    const onlyTimes =
      result.status === 'not-modified' &&
      existing !== undefined &&
      file.items === existing.items &&
      !existing.source.lastError;
    if (onlyTimes) options.library.remember(file);
    else await options.library.save(file);
  } catch (error) {
    // Disk full or read-only: the feed was fetched but could not be kept; the hint says what to do.
    return {
      ...result,
      status: 'error',
      error: describeError(error),
      errorCode: codeOf(error, 'disk'),
    };
  }
  return result;
}

function codeOf(error: unknown, fallback: string): string {
  return isStudylineError(error) ? error.code : fallback;
}
