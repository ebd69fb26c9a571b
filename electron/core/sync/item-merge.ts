import type { SourceMeta, StoredItem } from '../library/model';
import type { ParsedItem } from './parse-feed';
import { contentHash, itemId, itemKey } from './item-key';
import { sanitizeFeedHtml } from './sanitize-email';
import { extractSendDate } from './send-date';

/**
 * Merges parsed entries into a source's items: keyed by guid/link/hash so
 * nothing is duplicated, an updated entry replaces the old one (keeping when
 * we first saw it), an unchanged one costs only a hash.
 */
export class ItemMerger {
  private readonly byKey = new Map<string, StoredItem>();
  /** Keys first seen during this sync (to know which items need their images). */
  readonly changedKeys = new Set<string>();
  /** Keys met in this sync: a guid repeated later (even on an older page) must not replace the newest entry. */
  private readonly seen = new Set<string>();
  newCount = 0;
  updatedCount = 0;

  constructor(
    private readonly source: SourceMeta,
    existing: readonly StoredItem[],
    private readonly nowIso: string,
  ) {
    for (const item of existing) this.byKey.set(item.key, item);
  }

  /** Adds one page of entries; returns how many were new. */
  mergePage(items: readonly ParsedItem[]): number {
    let added = 0;
    for (const parsed of items) {
      const key = itemKey(parsed);
      // A feed repeating a guid, on one page or across pages: the first (newest) entry wins.
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const hash = contentHash(parsed);
      const previous = this.byKey.get(key);
      if (previous && previous.contentHash === hash) continue;
      this.byKey.set(key, this.toStored(parsed, key, hash, previous));
      this.changedKeys.add(key);
      if (previous) this.updatedCount += 1;
      else {
        this.newCount += 1;
        added += 1;
      }
    }
    return added;
  }

  keysOf(items: readonly ParsedItem[]): string[] {
    return items.map(itemKey);
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

  private toStored(parsed: ParsedItem, key: string, hash: string, previous?: StoredItem): StoredItem {
    const html = sanitizeFeedHtml(parsed.html, parsed.link ?? this.source.url);
    // Archive posts open with "SeqX: Sent 11 October 2013.": the real send date,
    // which the blog's own pubDate often is not (posts were archived later).
    const sentOn = this.source.kind === 'archive' ? extractSendDate(html) : undefined;
    const firstSeenAt = previous?.firstSeenAt ?? this.nowIso;
    return {
      id: itemId(this.source.id, key),
      key,
      title: parsed.title,
      link: parsed.link,
      author: parsed.author,
      // A missing or impossible date: keep the one we had, else when we first saw it,
      // so the entry sorts and shows where the learner met it, not before everything.
      sentAt: sentOn ? `${sentOn}T00:00:00.000Z` : (parsed.publishedAt ?? previous?.sentAt ?? firstSeenAt),
      publishedAt: parsed.publishedAt,
      html,
      categories: parsed.categories,
      images: previous?.images ?? [],
      contentHash: hash,
      firstSeenAt,
      updatedAt: this.nowIso,
    };
  }
}
