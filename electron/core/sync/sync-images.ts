import { cacheImages } from '../assets/image-cache';
import type { SourceMeta } from '../library/model';
import type { ItemMerger } from './item-merge';
import type { SourceSyncContext } from './sync-source';

/**
 * Downloads the pictures of new or changed archive emails into assets/, so an
 * email reads offline with its images. A picture that fails never fails the
 * email: it simply shows its alt text later.
 */
export async function cacheItemImages(
  source: SourceMeta,
  merger: ItemMerger,
  ctx: SourceSyncContext,
): Promise<void> {
  if (source.kind !== 'archive') return;
  const pending = merger.items().filter((item) => item.imagesDone === false);
  for (const item of merger.changedItems()) {
    if (/<img\b/i.test(item.html)) item.imagesDone = false;
    if (item.imagesDone === false && !pending.includes(item)) pending.push(item);
  }
  for (const item of pending) {
    const { images } = await cacheImages(item.html, {
      assetsDir: ctx.assetsDir,
      signal: ctx.fetch.signal,
      timeoutMs: ctx.fetch.timeoutMs,
    });
    // Stored items are shared with the library cache: replace, never mutate.
    merger.replace({ ...item, images, imagesDone: true });
  }
}
