import type { SourceMeta, StoredItem, StoredResponses } from '../library/model';
import { itemId, versionOf } from './item-key';
import type { ProcessedItem } from './process-page';

/**
 * Merges parsed entries into a source's items: keyed by guid/link/hash so
 * nothing is duplicated, an updated entry replaces the old one (keeping when
 * we first saw it), an unchanged one costs only a hash.
 */
export class ItemMerger {
  private readonly byKey = new Map<string, StoredItem>();
  /** Keys first seen during this sync (to know which items need their images). */
  readonly changedKeys = new Set<string>();
  /** Unchanged entries whose response count moved: saved, but their pictures are as they were. */
  private readonly touchedKeys = new Set<string>();
  /** Keys met in this sync: a guid repeated later (even on an older page) must not replace the newest entry. */
  private readonly seen = new Set<string>();
  newCount = 0;
  updatedCount = 0;
  private readonly existingCount: number;
  private versions?: string[];
  /** Entries met so far in this sync, from the top of page 1: the feed's own order. */
  private position = 0;

  constructor(
    private readonly source: SourceMeta,
    private readonly existing: readonly StoredItem[],
    private readonly nowIso: string,
  ) {
    for (const item of existing) this.byKey.set(item.key, item);
    this.existingCount = existing.length;
  }

  /** Adds one page of entries; returns how many were new. */
  mergePage(items: readonly ProcessedItem[]): number {
    let added = 0;
    for (const processed of items) {
      const key = processed.key;
      const feedIndex = this.position++;
      // A feed repeating a guid, on one page or across pages: the first (newest) entry wins.
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const previous = this.byKey.get(key);
      if (previous && previous.contentHash === processed.contentHash) {
        this.noteResponses(previous, processed);
        continue;
      }
      this.byKey.set(key, this.toStored(processed, feedIndex, previous));
      this.changedKeys.add(key);
      if (previous) this.updatedCount += 1;
      else {
        this.newCount += 1;
        added += 1;
      }
    }
    return added;
  }

  /**
   * Key and hash of what was stored before this sync, so unchanged entries
   * need not be sanitized again. Computed once: entries new in this sync are
   * never met twice (`seen`), so they need no such check.
   */
  get storedVersions(): string[] | undefined {
    if (this.existingCount === 0) return undefined;
    this.versions ??= this.existing.map((item) => versionOf(item.key, item.contentHash));
    return this.versions;
  }

  /** Swaps in a new version of an item (e.g. with its pictures cached); it will be saved. */
  replace(item: StoredItem): void {
    this.byKey.set(item.key, item);
    this.changedKeys.add(item.key);
  }

  /** Something in this sync is to be saved. */
  get hasChanges(): boolean {
    return this.changedKeys.size > 0 || this.touchedKeys.size > 0;
  }

  /** An unchanged email whose comment feed or response count moved keeps the news. */
  private noteResponses(previous: StoredItem, processed: ProcessedItem): void {
    const responses = responsesOf(processed, previous.responses);
    if (responses === previous.responses) return;
    this.byKey.set(previous.key, { ...previous, responses });
    this.touchedKeys.add(previous.key);
  }

  get(key: string): StoredItem | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  items(): StoredItem[] {
    return [...this.byKey.values()];
  }

  changedItems(): StoredItem[] {
    return [...this.changedKeys].flatMap((key) => this.byKey.get(key) ?? []);
  }

  private toStored(processed: ProcessedItem, feedIndex: number, previous?: StoredItem): StoredItem {
    const firstSeenAt = previous?.firstSeenAt ?? this.nowIso;
    const sentAt = processed.sentOn
      ? `${processed.sentOn}T00:00:00.000Z`
      : (processed.publishedAt ?? previous?.sentAt);
    return {
      id: itemId(this.source.id, processed.key),
      key: processed.key,
      title: processed.title,
      link: processed.link,
      author: processed.author,
      // A missing or impossible date stays missing (never "today"): such entries keep
      // the feed's order instead (feedIndex, with firstSeenAt across syncs).
      ...(sentAt ? { sentAt } : {}),
      feedIndex: previous?.feedIndex ?? feedIndex,
      publishedAt: processed.publishedAt,
      html: processed.safeHtml,
      categories: processed.categories,
      images: previous?.images ?? [],
      ...optional('responses', responsesOf(processed, previous?.responses)),
      contentHash: processed.contentHash,
      firstSeenAt,
      updatedAt: this.nowIso,
    };
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The stored responses with the feed's latest word on where they live and how many there are. */
function responsesOf(
  processed: ProcessedItem,
  stored: StoredResponses | undefined,
): StoredResponses | undefined {
  const feedUrl = processed.commentsFeed;
  if (!feedUrl) return stored;
  if (stored && stored.feedUrl === feedUrl && stored.count === processed.commentCount)
    return stored;
  // A feed that moved is read anew (its validators were another server's); the responses stay.
  const { count: _count, ...rest } =
    stored?.feedUrl === feedUrl ? stored : { feedUrl, items: stored?.items ?? [] };
  return processed.commentCount === undefined
    ? { ...rest, feedUrl }
    : { ...rest, feedUrl, count: processed.commentCount };
}
