import { cacheImages, type ImageFailure } from '../assets/image-cache';
import { isStudylineError } from '../errors';
import type { CachedImage, PictureFailure, SourceMeta, StoredItem } from '../library/model';
import type { ItemMerger } from './item-merge';
import type { SourceSyncContext } from './sync-source';

const HOUR_MS = 60 * 60 * 1000;
/** After the 1st, 2nd and 3rd failure; a 4th gives up (the reader says so). */
const RETRY_AFTER_MS = [HOUR_MS, 24 * HOUR_MS, 7 * 24 * HOUR_MS];

/**
 * Downloads the pictures of archive emails into assets/ so they read
 * offline: new or changed emails as soon as their page is stored, and
 * pictures that failed before once their wait is over. Every email's
 * pictures are asked for at once; the HTTP layer keeps to its per-host
 * limit. A picture that fails never fails the sync.
 */
export class PictureQueue {
  private readonly started = new Set<string>();
  /**
   * Versions of emails already looked at for pictures: each page of a first sync
   * starts this again over every email so far, and an email without pictures
   * would otherwise have its whole text searched again at every page.
   */
  private readonly looked = new WeakSet<StoredItem>();
  private readonly running: Promise<void>[] = [];
  private cancelled?: Error;

  constructor(
    private readonly source: SourceMeta,
    private readonly merger: ItemMerger,
    private readonly ctx: SourceSyncContext,
  ) {}

  /** Starts the emails of this sync that need pictures, and failed pictures now due. */
  startPending(): void {
    if (this.source.kind !== 'archive') return;
    const now = this.ctx.now().getTime();
    for (const item of this.merger.changedItems()) {
      if (this.started.has(item.key) || this.looked.has(item)) continue;
      this.looked.add(item);
      if (/<img\b/i.test(item.html)) this.start(item, true);
    }
    for (const item of this.merger.items()) {
      if (this.started.has(item.key)) continue;
      if (item.imagesDone === false) this.start(item, true);
      else if (dueFailures(item, now).length > 0) this.start(item, false);
    }
  }

  /** Waits for every download started; rejects only when the learner cancelled. */
  async finish(): Promise<void> {
    await Promise.all(this.running);
    if (this.cancelled) throw this.cancelled;
  }

  private start(item: StoredItem, whole: boolean): void {
    this.started.add(item.key);
    // Until its pictures are in, a cancelled sync leaves the email marked to finish later.
    if (whole && item.imagesDone !== false) this.merger.replace({ ...item, imagesDone: false });
    const task = this.download(item.key, whole).catch((error: unknown) => {
      if (isStudylineError(error) && error.code === 'cancelled') this.cancelled = error;
      else throw error instanceof Error ? error : new Error(String(error));
    });
    this.running.push(task);
  }

  private async download(key: string, whole: boolean): Promise<void> {
    const item = this.merger.get(key)!;
    const now = this.ctx.now().getTime();
    const retry = whole ? undefined : dueFailures(item, now);
    const result = await cacheImages(item.html, {
      assetsDir: this.ctx.assetsDir,
      signal: this.ctx.fetch.signal,
      timeoutMs: this.ctx.fetch.timeoutMs,
      http: this.ctx.http,
      fetchOptions: { addressGuard: this.ctx.fetch.addressGuard },
      onlyUrls: retry?.map((failure) => failure.url),
    });
    // Stored items are shared with the library cache: replace, never mutate.
    const latest = this.merger.get(key)!;
    const images = whole ? result.images : [...latest.images, ...result.images];
    const earlier = whole ? [] : (latest.pictureFailures ?? []);
    const pictureFailures = nextFailures(earlier, result.failures, images, now);
    const { pictureFailures: _old, ...rest } = latest;
    this.merger.replace({
      ...rest,
      images: uniqueImages(images),
      imagesDone: true,
      ...(pictureFailures.length > 0 ? { pictureFailures } : {}),
    });
  }
}

function dueFailures(item: StoredItem, now: number): PictureFailure[] {
  return (item.pictureFailures ?? []).filter(
    (failure) => failure.retryAt !== undefined && Date.parse(failure.retryAt) <= now,
  );
}

/** The failures after this try: fixed ones gone, new ones counted, each with its next try. */
function nextFailures(
  earlier: PictureFailure[],
  failures: ImageFailure[],
  images: CachedImage[],
  now: number,
): PictureFailure[] {
  const cached = new Set(images.map((image) => image.url));
  const byUrl = new Map(earlier.map((failure) => [failure.url, failure]));
  for (const failure of failures) {
    const attempts = (byUrl.get(failure.url)?.attempts ?? 0) + 1;
    const wait = failure.permanent ? undefined : RETRY_AFTER_MS[attempts - 1];
    byUrl.set(failure.url, {
      url: failure.url,
      reason: failure.reason,
      attempts,
      ...(wait === undefined ? {} : { retryAt: new Date(now + wait).toISOString() }),
    });
  }
  return [...byUrl.values()].filter((failure) => !cached.has(failure.url));
}

function uniqueImages(images: CachedImage[]): CachedImage[] {
  const seen = new Set<string>();
  return images.filter((image) => !seen.has(image.url) && seen.add(image.url));
}
