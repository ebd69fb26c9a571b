import { createHash } from 'node:crypto';
import type { ParsedItem } from './parse-feed';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The item's identity within its feed: its guid, else its link, else a hash
 * of what it says (feeds without either exist, and the title alone repeats).
 */
export function itemKey(item: ParsedItem): string {
  const guid = item.guid?.trim();
  if (guid) return guid;
  if (item.link) return item.link;
  return `sha256:${sha256(`${item.title}\n${item.html}`)}`;
}

/** Changes whenever anything a learner would see in the item changes. */
export function contentHash(item: ParsedItem): string {
  // JSON keeps field boundaries unambiguous ("ab"+"c" vs "a"+"bc").
  const fields = [
    item.title,
    item.link ?? '',
    item.author ?? '',
    item.publishedAt ?? '',
    item.html,
    item.categories,
  ];
  return sha256(JSON.stringify(fields));
}

/** A short id that stays the same across syncs, e.g. "seq21oct13.3f9a0c12de". */
export function itemId(sourceId: string, key: string): string {
  return `${sourceId}.${sha256(key).slice(0, 10)}`;
}

/** One stored version of an item (key and content hash), to skip re-sanitizing it. */
export function versionOf(key: string, hash: string): string {
  return `${key}\u0000${hash}`;
}
