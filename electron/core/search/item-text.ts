import type { StoredItem } from '../library/model';

// prettier-ignore
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const SKIPPED = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntity(_match: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? '';
  const code =
    name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * The words a learner reads in stored (already sanitized, so well-formed) HTML:
 * no tags, no attribute values (link addresses, class names), entities decoded.
 * Block tags separate words; inline tags do not ("<b>turt</b>le" is "turtle").
 * A regular-expression pass, not a parser: this runs over every email at index time.
 */
export function htmlText(html: string): string {
  return html
    .replace(SKIPPED, ' ')
    .replace(TAG, (_tag, name: string) => (INLINE.has(name.toLowerCase()) ? '' : ' '))
    .replace(ENTITY, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** What search reads of one library item (an email or a group post). */
export interface ItemSearchText {
  title: string;
  body: string;
}

/**
 * Everything of an email (or group post) that search finds. The one place to
 * add more text an item carries (e.g. its readers' responses): the index and
 * the snippets both read it from here.
 */
export function itemSearchText(item: StoredItem): ItemSearchText {
  const body = htmlText(item.html);
  const responses = item.responses?.items ?? [];
  if (responses.length === 0) return { title: item.title, body };
  // The discussion under the email reads after it, each response with who wrote it.
  const said = responses.map((r) => `${r.author ?? ''} ${htmlText(r.html)}`.trim());
  return { title: item.title, body: `${body} ${said.join(' ')}` };
}

/** Changes whenever `itemSearchText` would say something else: the index re-reads the item then. */
export function itemSearchVersion(item: StoredItem): string {
  // Sixteen hex digits tell versions apart and keep the saved index small.
  const version = item.contentHash.slice(0, 16);
  const responses = item.responses?.items ?? [];
  if (responses.length === 0) return version;
  // A response added (or the last one edited) changes what search reads, not the email.
  const last = responses[responses.length - 1]!;
  return `${version}.${responses.length}.${last.publishedAt ?? ''}.${last.html.length}`;
}
