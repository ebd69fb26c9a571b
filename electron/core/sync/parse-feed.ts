import { StudylineError } from '../errors';
import { JsonFeedProblem, parseJsonFeed } from './json-feed';
import { sniffDocument, xmlRootName } from './sniff-document';
import { parseXmlFeed } from './xml-feed';
import { findUnclosedElement } from './unclosed-element';
import { unprefixFeedElements } from './xml-namespaces';

export interface ParsedItem {
  guid?: string;
  link?: string;
  title: string;
  author?: string;
  /** ISO; undefined when missing or invalid. */
  publishedAt?: string;
  /** Raw (unsanitized) HTML: content:encoded > content > description/summary. */
  html: string;
  categories: string[];
  /** WordPress: the post's comment feed (wfw:commentRss, or the post's link + "feed/"). */
  commentsFeed?: string;
  /** WordPress: how many responses the post has (slash:comments). */
  commentCount?: number;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  link?: string;
  items: ParsedItem[];
}

const NOT_A_FEED_HINT =
  'Use the address of its RSS, Atom or JSON feed (pages often link it as "RSS" or "Feed"; WordPress feeds end in /feed/).';
const DAMAGED_HINT =
  'This is usually a problem at the site or a download cut short; what Studyline already saved is kept. Try again later.';

/**
 * Reads a decoded feed body. Items keep the feed's order and duplicates
 * (deduplication belongs to the library). Fails only with StudylineError:
 * 'empty', 'not-a-feed' (a web page or some other document) or 'parse'.
 */
export async function parseFeed(
  text: string,
  feedUrl: string,
  contentType?: string,
): Promise<ParsedFeed> {
  const kind = sniffDocument(text, contentType);
  switch (kind) {
    case 'empty':
      throw new StudylineError('empty', `The feed at ${feedUrl} is empty.`, {
        hint: 'The site sent nothing; try again later.',
      });
    case 'html':
      throw new StudylineError('not-a-feed', `${feedUrl} is a web page, not a feed.`, {
        hint: NOT_A_FEED_HINT,
      });
    case 'other':
      throw new StudylineError('not-a-feed', `The document at ${feedUrl} is not a feed.`, {
        hint: NOT_A_FEED_HINT,
      });
    case 'json-feed':
      return readJson(text, feedUrl);
    case 'xml-feed':
      return readXml(text, feedUrl);
  }
}

function readJson(text: string, feedUrl: string): ParsedFeed {
  try {
    return parseJsonFeed(text.trim(), feedUrl);
  } catch (error) {
    if (error instanceof JsonFeedProblem) throw damaged(feedUrl, error.message, error);
    throw damaged(feedUrl, 'it could not be read', error);
  }
}

async function readXml(text: string, feedUrl: string): Promise<ParsedFeed> {
  // Atom or RSS 1.0 elements under a prefix of the document's own (<a:feed>, <p0:entry>).
  const raw = fromFirstTag(text);
  const xml = unprefixFeedElements(raw, xmlRootName(raw));
  const format = formatOf(xmlRootName(xml));
  try {
    return await parseXmlFeed(xml, feedUrl, format);
  } catch (error) {
    if (!isEntityError(error)) throw xmlFailure(feedUrl, error, xml);
  }
  // Undeclared HTML entities (&nbsp;, &eacute;) and bare "&" are the most
  // common reason a real feed is not well-formed XML: escape them and try
  // once more. Declared entities are never expanded (no billion laughs).
  try {
    return await parseXmlFeed(escapeStrayAmpersands(xml), feedUrl, format);
  } catch (error) {
    throw xmlFailure(feedUrl, error, xml);
  }
}

/** Servers sometimes print a warning before the XML; the feed still follows. */
function fromFirstTag(text: string): string {
  const start = text.indexOf('<');
  return start > 0 && text.slice(0, start).trim() !== '' ? text.slice(start) : text;
}

function formatOf(root: string | undefined): ParsedFeed['format'] {
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf') return 'rdf';
  return 'rss';
}

function isEntityError(error: unknown): boolean {
  return error instanceof Error && /entity/i.test(error.message);
}

function escapeStrayAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/g, '&amp;');
}

function xmlFailure(feedUrl: string, error: unknown, xml: string): StudylineError {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS/i.test(message)) {
    return new StudylineError(
      'not-a-feed',
      `The document at ${feedUrl} is XML but not an RSS or Atom feed.`,
      {
        hint: NOT_A_FEED_HINT,
        cause: error,
      },
    );
  }
  return damaged(feedUrl, xmlReason(message, error, xml), error);
}

/** sax messages ("Unclosed root tag\nLine: 0…") turned into words a learner can pass on. */
function xmlReason(message: string, error: unknown, xml: string): string {
  const line = /\nLine: (\d+)/.exec(message)?.[1];
  const at = line === undefined ? '' : ` near line ${Number(line) + 1}`;
  if (/^Unexpected close tag/.test(message)) {
    // sax notices only at the next closing tag that does not match; say where it opened.
    const open = findUnclosedElement(xml);
    if (open) return `the <${open.name}> element opened at line ${open.line} is never closed`;
  }
  if (/^(Unclosed root tag|Unexpected end)/.test(message))
    return 'it ends too early, as if cut off';
  if (/entity/i.test(message)) return `it uses an entity that Studyline does not expand${at}`;
  if (line !== undefined) return `the XML is broken${at}`;
  if (error instanceof RangeError) return 'its markup is nested too deeply';
  // Anything else came from walking an unexpected structure (a channel-less <rss>).
  return error instanceof TypeError
    ? 'its structure is not that of a feed'
    : 'it could not be read';
}

function damaged(feedUrl: string, reason: string, cause: unknown): StudylineError {
  return new StudylineError('parse', `The feed at ${feedUrl} is damaged (${reason}).`, {
    hint: DAMAGED_HINT,
    cause,
  });
}
