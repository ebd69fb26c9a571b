import { htmlToPlain } from '../sync/feed-fields';

/**
 * Feed media types and their rank: RSS and Atom first (between them the
 * page's own order decides), then JSON Feed, then plain JSON.
 */
const FEED_TYPES: Record<string, number> = {
  'application/rss+xml': 0,
  'application/atom+xml': 0,
  'application/feed+json': 1,
  'application/json': 2,
};

// Quoted values may contain ">" (title="News > Python").
const LINK_TAG = /<link\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const BASE_TAG = /<base\b(?:[^>"']|"[^"]*"|'[^']*')*>/i;
const ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
/** Parts of a page whose "<link" text is not a link element. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>/gi;

/**
 * The feeds a web page announces with <link rel="alternate" type="…">
 * (WordPress category pages link their category feed this way), as absolute
 * http(s) URLs resolved against the page and its <base href>, deduplicated,
 * RSS and Atom before JSON Feed.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const markup = html.replace(NOT_MARKUP, ' ');
  const base = baseUrl(markup, pageUrl);
  const found: { url: string; rank: number; order: number }[] = [];
  for (const tag of markup.match(LINK_TAG) ?? []) {
    const attrs = attributes(tag);
    const rank = feedRank(attrs);
    const url = rank === -1 ? undefined : absolute(attrs.href, base);
    if (url && !found.some((feed) => feed.url === url))
      found.push({ url, rank, order: found.length });
  }
  return found.sort((a, b) => a.rank - b.rank || a.order - b.order).map((feed) => feed.url);
}

/** The rank of the link's type, or -1 when it does not announce a feed. */
function feedRank(attrs: Record<string, string>): number {
  const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
  if (!rels.includes('alternate')) return -1;
  const type = (attrs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return FEED_TYPES[type] ?? -1;
}

function baseUrl(markup: string, pageUrl: string): string {
  const tag = BASE_TAG.exec(markup)?.[0];
  const href = tag ? attributes(tag).href : undefined;
  return absolute(href, pageUrl) ?? pageUrl;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Attribute names lower-cased, values with entities decoded ("?a=1&amp;b=2"). */
function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [, name, double, single, bare] of tag.slice(5).matchAll(ATTRIBUTE)) {
    const value = double ?? single ?? bare ?? '';
    if (name) result[name.toLowerCase()] = value.includes('&') ? decodeEntities(value) : value;
  }
  return result;
}

function decodeEntities(value: string): string {
  return htmlToPlain(value.replace(/</g, '&lt;'));
}
