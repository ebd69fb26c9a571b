import type { ParsedFeed, ParsedItem } from './parse-feed';
import {
  authorName,
  categoryNames,
  firstDate,
  literalText,
  nameFromText,
  plainTextToHtml,
  resolveHttpUrl,
} from './feed-fields';

type Json = Record<string, unknown>;

/** Why a JSON document is not a usable JSON Feed, as the end of a learner sentence. */
export class JsonFeedProblem extends Error {}

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Only `items` is
 * strictly needed; a broken item is skipped rather than failing the feed.
 */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new JsonFeedProblem('the JSON is broken or cut off');
  }
  if (!isObject(doc)) throw new JsonFeedProblem('it is not a JSON Feed object');
  if (!Array.isArray(doc.items)) throw new JsonFeedProblem('it has no list of items');
  const feedAuthor = authorOf(doc);
  return {
    format: 'json',
    // JSON Feed titles are plain text: "Die Rückkehr von <i> und <b>" keeps its brackets.
    title: literalText(stringOf(doc.title)) || undefined,
    link: resolveHttpUrl(stringOf(doc.home_page_url), feedUrl),
    items: doc.items.filter(isObject).map((item) => jsonItem(item, feedUrl, feedAuthor)),
  };
}

function jsonItem(item: Json, feedUrl: string, feedAuthor: string | undefined): ParsedItem {
  const id = typeof item.id === 'number' ? String(item.id) : stringOf(item.id)?.trim();
  const html = itemHtml(item);
  return {
    guid: id || undefined,
    link:
      resolveHttpUrl(stringOf(item.url), feedUrl) ??
      resolveHttpUrl(stringOf(item.external_url), feedUrl),
    title: literalText(stringOf(item.title)) || nameFromText(html),
    author: authorOf(item) ?? feedAuthor,
    publishedAt: firstDate(stringOf(item.date_published), stringOf(item.date_modified)),
    html,
    categories: categoryNames(
      Array.isArray(item.tags) ? item.tags.filter((tag) => typeof tag === 'string') : [],
    ),
  };
}

/** content_html, else content_text as paragraphs, else the summary. */
function itemHtml(item: Json): string {
  const html = stringOf(item.content_html);
  if (html) return html;
  const text = stringOf(item.content_text) ?? stringOf(item.summary);
  return text ? plainTextToHtml(text) : '';
}

/** 1.1 has `authors` (a list); 1.0 has a single `author`. */
function authorOf(node: Json): string | undefined {
  const candidates = Array.isArray(node.authors) ? node.authors : [node.author];
  for (const candidate of candidates) {
    const name = isObject(candidate) ? authorName(stringOf(candidate.name)) : undefined;
    if (name) return name;
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
