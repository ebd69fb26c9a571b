import type { SourceKind } from '../../shared/types';
import { decodeText } from './decode-body';
import { contentHash, itemKey, versionOf } from './item-key';
import { parseFeed, type ParsedFeed, type ParsedItem } from './parse-feed';
import { sanitizeFeedHtml } from './sanitize-email';
import { newestOfPage } from './source-limits';
import { extractSendDate } from './send-date';

export interface PageInput {
  body: Uint8Array;
  contentType?: string;
  /** Final URL of the page (after redirects): relative links resolve against it. */
  url: string;
  kind: SourceKind;
  /** Stored versions (key + hash, see versionOf): those need not be sanitized again. */
  knownVersions?: string[];
  /** Only the newest this many entries are processed (a feed's item limit). */
  maxItems?: number;
}

export interface ProcessedItem extends Omit<ParsedItem, 'guid' | 'html'> {
  key: string;
  contentHash: string;
  /** Sanitized; empty for an unchanged item (the stored copy is kept). */
  safeHtml: string;
  /** Original send date (archive emails), 'YYYY-MM-DD'. */
  sentOn?: string;
  unchanged: boolean;
}

export interface ProcessedPage {
  title?: string;
  link?: string;
  format: ParsedFeed['format'];
  items: ProcessedItem[];
  /** Entries the page held, before the item limit. */
  totalItems: number;
}

/**
 * Everything CPU-heavy about one fetched page: decode, parse, key, hash,
 * sanitize. Pure, so it can run in a worker thread (see page-processor.ts).
 */
export async function processPage(input: PageInput): Promise<ProcessedPage> {
  const text = decodeText(
    Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength),
    input.contentType,
  );
  const feed = await parseFeed(text, input.url, input.contentType);
  const known = new Set(input.knownVersions);
  // Past the limit, entries are dropped before the costly part: keys, hashes, sanitizing.
  const entries = newestOfPage(feed.items, input.maxItems ?? Infinity);
  return {
    title: feed.title,
    link: feed.link,
    format: feed.format,
    items: entries.map((item) => processItem(item, input, known)),
    totalItems: feed.items.length,
  };
}

function processItem(item: ParsedItem, input: PageInput, known: Set<string>): ProcessedItem {
  const { guid: _guid, html: _raw, ...fields } = item;
  const key = itemKey(item);
  const hash = contentHash(item);
  const unchanged = known.has(versionOf(key, hash));
  const safeHtml = unchanged ? '' : sanitizeFeedHtml(item.html, item.link ?? input.url);
  // Archive posts open with "SeqX: Sent 11 October 2013.": the real send date,
  // which the blog's own pubDate often is not (posts were archived later).
  const sentOn = input.kind === 'archive' && !unchanged ? extractSendDate(safeHtml) : undefined;
  return { ...fields, key, contentHash: hash, safeHtml, sentOn, unchanged };
}
