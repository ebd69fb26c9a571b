import type { StoredItem } from './model';

type Ordered = Pick<StoredItem, 'sentAt' | 'publishedAt' | 'firstSeenAt' | 'feedIndex' | 'title'>;

/**
 * Oldest first: the original send date, else the feed's date. An undated
 * entry sorts where the learner first met it, and entries met together keep
 * the order the feed gave them (newest at the top of a feed, so the higher
 * feedIndex is the older one). The title decides only what nothing else does.
 */
export function oldestFirst(a: Ordered, b: Ordered): number {
  return (
    (a.sentAt ?? a.firstSeenAt).localeCompare(b.sentAt ?? b.firstSeenAt) ||
    (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') ||
    (b.feedIndex ?? 0) - (a.feedIndex ?? 0) ||
    a.title.localeCompare(b.title)
  );
}

export function inSequenceOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(oldestFirst);
}

export function newestFirst<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => oldestFirst(b, a));
}
