import { feedPrefixes } from './xml-namespaces';

export type DocumentKind = 'empty' | 'xml-feed' | 'json-feed' | 'html' | 'other';

/** Roots of the feed formats rss-parser knows (RSS 0.9x/2.0, RSS 1.0 RDF, Atom). */
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);
/** A first element that can only open an HTML page. */
const HTML_ROOTS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'link',
  'script',
  'div',
  'p',
  'br',
  'table',
]);
/** How far we look: a prolog, comments and a DOCTYPE all fit well within this. */
const SNIFF_CHARS = 64 * 1024;

/**
 * What a decoded body is, from its first element (or first character for
 * JSON). The body wins over the Content-Type, which servers often get wrong
 * (feeds served as text/html, pages as text/xml); the header tips the
 * balance only where it is explicit: `application/feed+json`, and
 * `application/atom+xml` / `application/rss+xml` for XML whose root we do
 * not know.
 */
export function sniffDocument(text: string, contentType?: string): DocumentKind {
  const start = firstSignificant(text);
  if (start === -1) return 'empty';
  const first = text[start];
  if (first === '{') return looksLikeJsonFeed(text, contentType) ? 'json-feed' : 'other';
  const tagStart = first === '<' ? start : text.indexOf('<', start);
  // Leading junk (a PHP warning before the XML) still counts if a feed follows.
  if (tagStart === -1 || tagStart - start > 4096) return 'other';
  const root = rootElement(text, tagStart);
  // An XHTML DOCTYPE in front of <rss> happens; only the root element decides.
  if (root === undefined)
    return /<!doctype\s+html/i.test(text.slice(0, SNIFF_CHARS)) ? 'html' : 'other';
  if (FEED_ROOTS.has(root) || isPrefixedFeedRoot(root, text)) return 'xml-feed';
  if (HTML_ROOTS.has(root)) return 'html';
  if (/<html[\s>]/i.test(text.slice(0, SNIFF_CHARS))) return 'html';
  return contentType && XML_FEED_TYPE.test(contentType) ? 'xml-feed' : 'other';
}

/** The lower-cased name of an XML document's first element ("rss", "feed", "rdf:rdf"…). */
export function xmlRootName(text: string): string | undefined {
  const start = text.indexOf('<');
  return start === -1 ? undefined : rootElement(text, start);
}

const XML_FEED_TYPE = /^\s*application\/(atom|rss)\+xml\s*(;|$)/i;

/** `<a:feed xmlns:a="http://www.w3.org/2005/Atom">`: a feed root under a prefix of its own. */
function isPrefixedFeedRoot(root: string, text: string): boolean {
  const [prefix, local] = root.split(':');
  if (!prefix || !local || !['feed', 'rss', 'rdf'].includes(local)) return false;
  return feedPrefixes(text.slice(0, SNIFF_CHARS)).some((p) => p.toLowerCase() === prefix);
}

function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Whitespace and a stray BOM or NUL are not content.
    if (code > 0x20 && code !== 0xfeff) return i;
  }
  return -1;
}

function looksLikeJsonFeed(text: string, contentType: string | undefined): boolean {
  if (contentType && /application\/feed\+json/i.test(contentType)) return true;
  // PHP's json_encode escapes slashes by default: "https:\/\/jsonfeed.org\/version\/1".
  return /jsonfeed\.org\\?\/version/i.test(text.slice(0, SNIFF_CHARS));
}

/**
 * The lower-cased name of the first element, skipping the XML prolog,
 * processing instructions, comments and a DOCTYPE (whose internal subset may
 * hold entity declarations; we never expand those).
 */
function rootElement(text: string, from: number): string | undefined {
  let i = from;
  const end = Math.min(text.length, from + SNIFF_CHARS);
  while (i < end) {
    i = text.indexOf('<', i);
    if (i === -1 || i >= end) return undefined;
    if (text.startsWith('<?', i)) i = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = after(text, '-->', i);
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) i = afterDoctype(text, i);
    else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 64))?.[1];
      return name?.toLowerCase();
    }
    if (i === -1) return undefined;
  }
  return undefined;
}

function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length;
}

function afterDoctype(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const close = text.indexOf('>', from);
  if (bracket !== -1 && bracket < close) return after(text, ']', bracket);
  return close === -1 ? -1 : close + 1;
}
