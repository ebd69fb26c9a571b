import Parser from 'rss-parser';
import type { ParsedFeed, ParsedItem } from './parse-feed';
import { titleText } from './feed-title';
import {
  asArray,
  authorName,
  categoryNames,
  firstDate,
  literalText,
  nameFromText,
  nodeText,
  plainTextToHtml,
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
  mediaGroup?: unknown;
  mediaContent?: unknown;
  mediaTitle?: unknown;
  mediaDescription?: unknown;
  commentRss?: unknown;
  commentCount?: unknown;
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
    // Media RSS (YouTube and podcasts): title and description may live only here.
    ['media:group', 'mediaGroup', { keepArray: true }],
    ['media:content', 'mediaContent', { keepArray: true }],
    ['media:title', 'mediaTitle', { keepArray: true }],
    ['media:description', 'mediaDescription', { keepArray: true }],
    // WordPress: each post's own comment feed and its number of comments.
    ['wfw:commentRss', 'commentRss'],
    ['slash:comments', 'commentCount'],
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
    const safe: XmlNode = {
      ...entry,
      link: linksWithAttributes(entry.link),
      content: textAsHtml(entry.content),
      summary: textAsHtml(entry.summary),
    };
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

/**
 * Atom content or summary with type="text" is text, not markup: a post that
 * writes "&lt;p0:entry&gt;" means those characters, so they are escaped
 * into HTML as feedparser does, never taken for a tag.
 */
function textAsHtml(nodes: unknown): unknown {
  if (!Array.isArray(nodes)) return nodes;
  return nodes.map((node: unknown) => {
    if (!node || typeof node !== 'object') return node;
    const { _: text, $: attrs } = node as { _?: unknown; $?: XmlNode };
    if (typeof text !== 'string' || nodeText(attrs?.type)?.toLowerCase() !== 'text') return node;
    return { ...node, _: plainTextToHtml(text) };
  });
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
  const html =
    nodeText(item['content:encoded']) ||
    nodeText(item.content) ||
    nodeText(item.summary) ||
    mediaDescription(item);
  const link = resolveHttpUrl(item.link, itemBase) ?? permalinkGuid(item);
  return {
    guid,
    link,
    title:
      titleText(item.rawTitle ?? item.title, feed.atom) ||
      literalText(mediaNode(item, 'media:title', 'mediaTitle')) ||
      nameFromText(html),
    author:
      authorName(item.creator ?? item.author ?? item.dcAuthor ?? item.itunesAuthor) ?? feed.author,
    publishedAt: firstDate(item.published, item.pubDate, item.date, item.updated),
    html,
    categories: categoryNames([...asArray(item.rawCategories), ...asArray(item.subjects)]),
    ...commentsOf(item, itemBase, link),
  };
}

/**
 * A WordPress post's comment feed and count. Without <wfw:commentRss> the
 * feed is guessed from the post's link only when the count says this is
 * WordPress: other feeds' links would answer 404s.
 */
function commentsOf(
  item: RawItem,
  itemBase: string,
  link: string | undefined,
): Pick<ParsedItem, 'commentsFeed' | 'commentCount'> {
  const text = nodeText(item.commentCount)?.trim();
  const count = text && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  const named = resolveHttpUrl(item.commentRss, itemBase);
  const guessed =
    count !== undefined && link && !link.includes('?') && !link.includes('#')
      ? `${link.endsWith('/') ? link : `${link}/`}feed/`
      : undefined;
  const commentsFeed = named ?? guessed;
  if (!commentsFeed) return {};
  return count === undefined ? { commentsFeed } : { commentsFeed, commentCount: count };
}

/** A Media RSS element of the item, else of its media:group, else of a media:content. */
function mediaNode(item: RawItem, name: string, field: 'mediaTitle' | 'mediaDescription'): unknown {
  const own = asArray(item[field])[0];
  if (own !== undefined && nodeText(own)?.trim()) return own;
  for (const holder of [...asArray(item.mediaGroup), ...asArray(item.mediaContent)]) {
    if (!holder || typeof holder !== 'object') continue;
    const found = asArray((holder as XmlNode)[name])[0];
    if (found !== undefined && nodeText(found)?.trim()) return found;
  }
  return undefined;
}

/** media:description is plain text unless it says type="html". */
function mediaDescription(item: RawItem): string {
  const node = mediaNode(item, 'media:description', 'mediaDescription');
  const text = nodeText(node)?.trim();
  if (!text) return '';
  const type = (node as { $?: XmlNode } | undefined)?.$?.type;
  return nodeText(type) === 'html' ? text : plainTextToHtml(text);
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
