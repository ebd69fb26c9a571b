import Parser from 'rss-parser';
import type { ParsedFeed, ParsedItem } from './parse-feed';
import { titleText } from './feed-title';
import {
  asArray,
  authorName,
  categoryNames,
  firstDate,
  nodeText,
  resolveBase,
  resolveHttpUrl,
} from './feed-fields';

type XmlNode = Record<string, unknown>;

/** What rss-parser gives per item with our custom fields (all raw xml2js values). */
interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  'rdf:about'?: unknown;
  creator?: unknown;
  author?: unknown;
  'content:encoded'?: unknown;
  content?: unknown;
  summary?: unknown;
  pubDate?: unknown;
  date?: unknown;
  published?: unknown;
  updated?: unknown;
  categories?: unknown;
  rawCategories?: unknown;
  subjects?: unknown;
  rawGuid?: unknown;
  rawTitle?: unknown;
  dcAuthor?: unknown;
  itunesAuthor?: unknown;
  attrs?: XmlNode;
}

interface RawFeed {
  title?: unknown;
  /** Channel author/dc:creator (a string). */
  creator?: unknown;
  /** Atom's feed-level <author> ({ name }); rss-parser only maps it for RSS. */
  rawAuthor?: unknown;
  rawTitle?: unknown;
  link?: unknown;
  attrs?: XmlNode;
  items: RawItem[];
}

const CUSTOM_FIELDS = {
  // '$' is xml2js's attribute bag: it carries xml:base and rdf:about.
  feed: [
    ['$', 'attrs', { keepArray: true }],
    ['title', 'rawTitle', { keepArray: true }],
    ['author', 'rawAuthor'],
  ],
  item: [
    ['category', 'rawCategories', { keepArray: true }],
    ['dc:subject', 'subjects', { keepArray: true }],
    ['guid', 'rawGuid', { keepArray: true }],
    ['title', 'rawTitle', { keepArray: true }],
    ['dc:author', 'dcAuthor'],
    ['itunes:author', 'itunesAuthor'],
    ['rawPublished', 'published'],
    ['rawUpdated', 'updated'],
    ['$', 'attrs', { keepArray: true }],
  ],
} as unknown as Parser.CustomFields<RawFeed, RawItem>;

interface ParserInternals {
  parseItemAtom(entry: XmlNode): unknown;
  buildAtomFeed(xml: XmlNode): unknown;
}
const base = Parser.prototype as unknown as ParserInternals;

/**
 * rss-parser throws on two Atom quirks that real feeds have: a `<link>` with
 * no attributes (Atom 0.3 style) and an unparsable published/updated date
 * (it calls toISOString on it). We hand it a tolerant copy of the node; the
 * raw dates stay available to our own date reader.
 */
class TolerantParser extends Parser<RawFeed, RawItem> {
  parseItemAtom(entry: XmlNode): unknown {
    const safe: XmlNode = { ...entry, link: linksWithAttributes(entry.link) };
    safe.rawPublished = entry.published;
    safe.rawUpdated = entry.updated;
    if (!validDate(entry.published)) delete safe.published;
    if (!validDate(entry.updated)) delete safe.updated;
    return base.parseItemAtom.call(this, safe);
  }

  buildAtomFeed(xml: XmlNode): unknown {
    const feed = xml.feed as XmlNode;
    return base.buildAtomFeed.call(this, {
      ...xml,
      feed: { ...feed, link: linksWithAttributes(feed.link) },
    });
  }
}

/** Atom 0.3-style `<link>https://…</link>` becomes `<link href="https://…"/>`. */
function linksWithAttributes(links: unknown): unknown {
  if (!Array.isArray(links)) return links;
  const list: unknown[] = links;
  const usable = list
    .map((link) => (typeof link === 'string' ? { $: { href: link.trim() } } : link))
    .filter((link) => link && typeof link === 'object' && '$' in link);
  return usable.length ? usable : undefined;
}

function validDate(value: unknown): boolean {
  const text = nodeText(value);
  return text === undefined || text === '' || !Number.isNaN(Date.parse(text));
}

/** Runs rss-parser exactly once over the text: this is the sync's hot path. */
export async function parseXmlFeed(
  text: string,
  feedUrl: string,
  format: ParsedFeed['format'],
): Promise<ParsedFeed> {
  // A fresh parser each time: xml2js keeps state and listeners per instance.
  const parser = new TolerantParser({ customFields: CUSTOM_FIELDS, defaultRSS: 2 });
  const raw = (await parser.parseString(text)) as unknown as RawFeed;
  const feed: FeedContext = {
    base: resolveBase(raw.attrs?.['xml:base'], feedUrl),
    atom: format === 'atom',
    author: feedAuthor(raw.rawAuthor ?? raw.creator),
  };
  return {
    format,
    title: titleText(raw.rawTitle ?? raw.title, feed.atom) || undefined,
    link: resolveHttpUrl(raw.link, feed.base),
    items: (raw.items ?? []).map((item) => normaliseItem(item, feed)),
  };
}

interface FeedContext {
  base: string;
  atom: boolean;
  /** Single-author blogs often name the author once, for the whole feed. */
  author?: string;
}

function feedAuthor(creator: unknown): string | undefined {
  if (creator && typeof creator === 'object' && 'name' in creator) return authorName(creator.name);
  return authorName(creator);
}

function normaliseItem(item: RawItem, feed: FeedContext): ParsedItem {
  const itemBase = resolveBase(item.attrs?.['xml:base'], feed.base);
  const guid = cleanGuid(item.guid ?? item.id ?? item['rdf:about']);
  return {
    guid,
    link: resolveHttpUrl(item.link, itemBase) ?? permalinkGuid(item),
    title: titleText(item.rawTitle ?? item.title, feed.atom) || '(untitled)',
    author:
      authorName(item.creator ?? item.author ?? item.dcAuthor ?? item.itunesAuthor) ?? feed.author,
    publishedAt: firstDate(item.published, item.pubDate, item.date, item.updated),
    html:
      nodeText(item['content:encoded']) || nodeText(item.content) || nodeText(item.summary) || '',
    categories: categoryNames([...asArray(item.rawCategories), ...asArray(item.subjects)]),
  };
}

function cleanGuid(value: unknown): string | undefined {
  return nodeText(value)?.trim() || undefined;
}

/** RSS 2.0: a guid is a permalink unless isPermaLink="false"; use it when there is no link. */
function permalinkGuid(item: RawItem): string | undefined {
  const node = asArray(item.rawGuid)[0];
  if (node === undefined || item.link !== undefined) return undefined;
  const attrs = typeof node === 'object' && node !== null ? (node as { $?: XmlNode }).$ : undefined;
  if (nodeText(attrs?.isPermaLink)?.trim().toLowerCase() === 'false') return undefined;
  return resolveHttpUrl(node, undefined);
}
