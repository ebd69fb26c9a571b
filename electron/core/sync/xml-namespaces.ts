/**
 * Feed namespaces a document may bind to any prefix. rss-parser knows the
 * elements only by their usual (unprefixed) names, so `<a:feed>` or
 * `<p0:entry>` bound to Atom would read as no feed, or a feed of no entries.
 */
const ATOM_NAMESPACES = new Set([
  'http://www.w3.org/2005/Atom',
  'http://purl.org/atom/ns#', // Atom 0.3
]);
const RDF_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
]);
const FEED_NAMESPACES = new Set([...ATOM_NAMESPACES, ...RDF_NAMESPACES]);

const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g;
const CDATA_OR_COMMENT = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;

/** Prefixes the document binds to a feed namespace (Atom, RSS 1.0, RSS 0.9). */
export function feedPrefixes(xml: string, namespaces = FEED_NAMESPACES): string[] {
  const prefixes = new Set<string>();
  for (const [, prefix, uri] of xml.matchAll(DECLARATION)) {
    if (prefix && namespaces.has((uri ?? '').trim())) prefixes.add(prefix);
  }
  return [...prefixes];
}

/**
 * The same document with feed elements written without their prefix, as
 * feedparser reads them (it resolves namespaces, not prefixes): Atom ones in
 * an Atom feed, RSS 1.0 ones in an RDF one. An RSS 2.0 channel keeps its
 * `<atom:link rel="self">` as it is. Text in CDATA sections and comments is
 * left alone. `root` is the document's first element, lower-cased.
 */
export function unprefixFeedElements(xml: string, root: string | undefined): string {
  const local = root?.slice(root.indexOf(':') + 1);
  const namespaces =
    local === 'feed' ? ATOM_NAMESPACES : local === 'rdf' ? RDF_NAMESPACES : undefined;
  if (!namespaces) return xml;
  const prefixes = feedPrefixes(xml, namespaces);
  if (prefixes.length === 0) return xml;
  const tag = new RegExp(`<(/?)(?:${prefixes.map(escapeRegExp).join('|')}):`, 'g');
  return xml
    .split(CDATA_OR_COMMENT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(tag, '<$1')))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
