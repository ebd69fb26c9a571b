import { StudylineError } from '../errors';
import { newestFirst } from '../library/item-order';
import type { StoredItem } from '../library/model';
import { formatBytes } from './http-errors';

/**
 * What one feed may cost, whatever it sends: the 20 MB cap is per request,
 * so without these a hostile or broken feed could fill the disk, the memory
 * or hours of a sync (one page of 600,000 tiny items took 2.8 GB).
 */
export interface SourceLimits {
  /** Emails or posts kept of one feed: the newest ones. */
  maxItems: number;
  /** What those emails may take in the library file (about). */
  maxStoredBytes: number;
  /** Pages of an archive walked in one sync. */
  maxPages: number;
  /** One feed's whole sync, every page included. */
  deadlineMs: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxItems: 5_000,
  maxStoredBytes: 50 * 1024 * 1024,
  maxPages: 500,
  deadlineMs: 15 * 60 * 1000,
};

// Fields, keys, dates and JSON punctuation of a stored item, besides its text.
const ITEM_OVERHEAD = 300;

/** About what an item takes in its library file. */
export function storedSize(item: Pick<StoredItem, 'html' | 'title' | 'link'>): number {
  return item.html.length + item.title.length + (item.link?.length ?? 0) + ITEM_OVERHEAD;
}

export interface KeptItems {
  items: StoredItem[];
  /** Why some were left out: there were more than maxItems, or they took more than maxStoredBytes. */
  cut?: 'items' | 'bytes';
}

/** The newest items that fit the limits (the library keeps its own order). */
export function newestWithin(items: StoredItem[], limits: SourceLimits): KeptItems {
  let bytes = 0;
  for (const item of items) bytes += storedSize(item);
  if (items.length <= limits.maxItems && bytes <= limits.maxStoredBytes) return { items };
  const kept: StoredItem[] = [];
  bytes = 0;
  for (const item of newestFirst(items)) {
    if (kept.length >= limits.maxItems) return { items: kept, cut: 'items' };
    bytes += storedSize(item);
    if (bytes > limits.maxStoredBytes) return { items: kept, cut: 'bytes' };
    kept.push(item);
  }
  return { items: kept };
}

/**
 * The newest `max` of one page's entries: its first ones, since feeds list
 * their newest first (dates cannot tell here: archive posts often carry the
 * date they were archived, not sent, and the send date is read later).
 */
export function newestOfPage<T>(entries: T[], max: number): T[] {
  return entries.length <= max ? entries : entries.slice(0, max);
}

/** `limit` items were more than allowed; `kept` of them are kept (fewer for a study group). */
export function tooManyItems(label: string, limit: number, kept = limit): string {
  return `${capitalized(label)} has more than ${limit.toLocaleString('en-US')} items; Studyline kept the newest ${kept.toLocaleString('en-US')}.`;
}

export function tooManyBytes(label: string, kept: number, limits: SourceLimits): string {
  return `${capitalized(label)} holds more than ${formatBytes(limits.maxStoredBytes)} of text; Studyline kept the newest ${kept.toLocaleString('en-US')} items.`;
}

export function tooManyPages(label: string, limits: SourceLimits): string {
  return `${capitalized(label)} has more pages than the ${limits.maxPages} Studyline reads of one feed; it kept the newest ${limits.maxPages} pages, so the earliest emails may be missing.`;
}

function capitalized(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The whole sync of one feed took too long: what came in is kept, the next sync goes on. */
export function deadlineError(label: string, limits: SourceLimits): StudylineError {
  const seconds = Math.round(limits.deadlineMs / 1000);
  const time = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
  return new StudylineError(
    'timeout',
    `Syncing ${label} took longer than ${time}, so Studyline stopped.`,
    { hint: 'The emails fetched so far are saved; the next sync goes on from there.' },
  );
}

/** What a sync has taken of a feed's limits so far: tells the archive walk when to stop. */
export class SourceBudget {
  private bytes = 0;
  private pageCut = false;

  constructor(
    readonly limits: SourceLimits,
    stored: readonly StoredItem[],
    private readonly itemCount: () => number,
  ) {
    for (const item of stored) this.bytes += storedSize(item);
  }

  /** Counts a merged page (its new and changed entries). */
  addPage(page: {
    items: readonly { safeHtml: string; title: string; link?: string }[];
    totalItems: number;
  }): void {
    for (const item of page.items) this.bytes += storedSize({ ...item, html: item.safeHtml });
    if (page.totalItems > page.items.length) this.pageCut = true;
  }

  /** More than the limits allow is known to exist: older pages would only be dropped. */
  get exceeded(): boolean {
    return (
      this.pageCut ||
      this.itemCount() > this.limits.maxItems ||
      this.bytes > this.limits.maxStoredBytes
    );
  }

  /** The stored text, rather than the count of entries, is what went over. */
  get overBytes(): boolean {
    return this.bytes > this.limits.maxStoredBytes;
  }

  /** The warning for a feed this budget stopped. */
  warning(label: string, kept: number): string {
    return this.overBytes
      ? tooManyBytes(label, kept, this.limits)
      : tooManyItems(label, this.limits.maxItems, kept);
  }

  /** How many more entries are wanted: the walk reads no further ahead than that. */
  get itemsLeft(): number {
    return Math.max(0, this.limits.maxItems + 1 - this.itemCount());
  }
}
