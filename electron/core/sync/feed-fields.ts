import sanitizeHtml from 'sanitize-html';
import { isRealDay, monthNumber } from './calendar-names';

/**
 * Field clean-up shared by the XML and JSON feed readers. Kept cheap: it runs
 * once per item on every sync, and sync time is benchmarked against the bare
 * parser.
 */

/** The text of an XML node as xml2js gives it: a string, or { _: text, $: attrs }. */
export function nodeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return nodeText(value[0]);
  if (value && typeof value === 'object' && '_' in value) return nodeText(value._);
  return undefined;
}

/**
 * Plain text for titles, authors and categories: tags stripped, HTML entities
 * decoded (feeds often escape twice, so "&amp;#8217;" reaches us as "&#8217;"),
 * whitespace collapsed.
 */
export function cleanText(value: unknown): string {
  const raw = nodeText(value);
  if (!raw) return '';
  const text = /[<&]/.test(raw) ? htmlToPlain(raw) : raw;
  return text.replace(/\s+/g, ' ').trim();
}

/** Plain text as a feed gives it (JSON Feed titles): never parsed as HTML, spaces collapsed. */
export function literalText(value: unknown): string {
  return (nodeText(value) ?? '').replace(/\s+/g, ' ').trim();
}

const BLOCK_EDGE = /<\/?(?:br|p|div|li|h[1-6]|tr|td|th|blockquote|pre)\b/gi;

/** Enough of an entry's start to name it: its first ~60 characters of text. */
const NAME_CHARS = 60;

/**
 * A name for an entry that has no title: the start of its text, cut at a
 * word (feedparser leaves the title empty; a list of "(untitled)" rows
 * tells nothing apart).
 */
export function nameFromText(html: string): string {
  // Blocks and line breaks part words; the text of inline elements runs on.
  const spaced = html.slice(0, 4000).replace(BLOCK_EDGE, ' $&');
  const text = htmlToPlain(spaced).replace(/\s+/g, ' ').trim();
  if (!text) return '(untitled)';
  if (text.length <= NAME_CHARS) return text;
  const cut = text.slice(0, NAME_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > NAME_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** Plain text as HTML paragraphs (JSON Feed content_text, Media RSS descriptions). */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Tags dropped and entities decoded by a real HTML parser (sanitize-html's). */
export function htmlToPlain(html: string): string {
  const escaped = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return unescapeBasic(escaped);
}

/** sanitize-html re-escapes only these in text and attribute values. */
export function unescapeBasic(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * An absolute http(s) URL, or undefined. Links are opened in the learner's
 * browser, so `javascript:`, `file:` and other schemes are never kept.
 */
export function resolveHttpUrl(raw: unknown, base: string | undefined): string | undefined {
  const text = nodeText(raw)?.trim();
  if (!text) return undefined;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An xml:base (or any base) resolved against the outer one; any scheme. */
export function resolveBase(raw: unknown, base: string): string {
  const text = nodeText(raw)?.trim();
  if (!text) return base;
  try {
    return new URL(text, base).href;
  } catch {
    return base;
  }
}

const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const TRAILING_ZONE_NAME = /\s+[A-Z]{2,5}$/;
/** How a date ends when it says its zone: a name ("Z", "GMT", "CEST"), "+0100", "-05:00", "(CET)". */
const HAS_ZONE = /(?:[A-Za-z]|\)|\s[+-]\d{4}|\s?[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * An ISO date, or undefined when missing or invalid (never "Invalid Date").
 * Accepts RFC 822 and W3C/ISO dates; a date-time without a zone is read as
 * UTC so the result does not depend on the machine; a zone name V8 does not
 * know ("CEST") is dropped rather than losing the whole date.
 */
export function parseFeedDate(value: unknown): string | undefined {
  const raw = nodeText(value)?.trim();
  if (!raw) return undefined;
  let time = Date.parse(withZone(raw));
  if (Number.isNaN(time) && TRAILING_ZONE_NAME.test(raw)) {
    time = Date.parse(`${raw.replace(TRAILING_ZONE_NAME, '')} +0000`);
  }
  if (Number.isNaN(time) || !calendarDayExists(raw)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : undefined;
}

/**
 * A date without a zone is read as UTC, as feedparser does: V8 reads
 * "2020/1/10 14:33:00" in the machine's zone, so the instant would depend on
 * where the learner lives. (ISO date-only forms are UTC by definition.)
 */
function withZone(raw: string): string {
  if (NAIVE_DATE_TIME.test(raw)) return `${raw.replace(' ', 'T')}Z`;
  if (ISO_DATE.test(raw) || HAS_ZONE.test(raw.replace(/\s*[AP]M$/i, ''))) return raw;
  const utc = `${raw} GMT`;
  return Number.isNaN(Date.parse(utc)) ? raw : utc;
}

/** V8 rolls "2013-02-31" over to 3 March; a feed that says so has a broken date. */
function calendarDayExists(raw: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return isRealDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(raw);
  if (rfc && monthNumber(rfc[2] ?? ''))
    return isRealDay(Number(rfc[3]), monthNumber(rfc[2] ?? ''), Number(rfc[1]));
  return true;
}

/** The first usable date among candidates, in order of preference. */
export function firstDate(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const iso = parseFeedDate(candidate);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * Category names as plain strings, deduplicated case-insensitively (WordPress
 * merges categories and tags, so "Python" and "python" both appear).
 * Accepts strings, xml2js nodes ({ _: text }) and Atom categories ({ $: { term, label } }).
 */
export function categoryNames(values: readonly unknown[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const name = cleanText(categoryValue(value));
    const folded = name.toLowerCase();
    if (name && !seen.has(folded)) {
      seen.add(folded);
      names.push(name);
    }
  }
  return names;
}

function categoryValue(value: unknown): unknown {
  const text = nodeText(value);
  if (text !== undefined) return text;
  if (value && typeof value === 'object' && '$' in value) {
    const attrs = (value as { $: Record<string, unknown> }).$;
    return attrs.label ?? attrs.term;
  }
  return undefined;
}

/** "jo@example.org (Jo Smith)", the RSS 2.0 author form, reads better as "Jo Smith". */
export function authorName(value: unknown): string | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(text);
  return named?.[1]?.trim() || text;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
