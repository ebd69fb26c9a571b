import { StudylineError } from '../errors';
import { parseLearnerUrl } from './learner-url';
import { discoverFeedLinks } from '../catalog/discover-feed';
import { decodeText } from '../sync/decode-body';
import { fetchResource, type HttpLayer } from '../sync/http-layer';
import { parseFeed } from '../sync/parse-feed';
import { sniffDocument } from '../sync/sniff-document';

export interface ResolvedFeed {
  feedUrl: string;
  title?: string;
  siteUrl?: string;
}

/**
 * Finds the feed behind what the learner pasted: the feed itself, or a blog or
 * category page that announces it with <link rel="alternate">.
 */
export async function resolveFeed(
  input: string,
  options: { timeoutMs?: number; http?: HttpLayer },
): Promise<ResolvedFeed> {
  const url = parseLearnerUrl(input).toString();
  const page = await fetchOk(url, options);
  const text = decodeText(page.body, page.contentType);
  const kind = sniffDocument(text, page.contentType);
  if (kind === 'xml-feed' || kind === 'json-feed') {
    const feed = await parseFeed(text, page.url);
    return { feedUrl: page.url, title: feed.title, siteUrl: feed.link };
  }
  if (kind !== 'html') {
    throw new StudylineError(
      'not-a-feed',
      `${url} is neither a feed nor a web page that links to one.`,
    );
  }
  const links = discoverFeedLinks(text, page.url);
  for (const link of links) {
    try {
      const response = await fetchOk(link, options);
      const feed = await parseFeed(decodeText(response.body, response.contentType), response.url);
      return { feedUrl: response.url, title: feed.title, siteUrl: feed.link ?? page.url };
    } catch (error) {
      if (link === links[links.length - 1]) throw error;
    }
  }
  throw new StudylineError('not-a-feed', `The page ${url} does not link to a feed.`, {
    hint: 'Paste the blog or category page of the course, or its feed address (WordPress feeds end in /feed/).',
  });
}

async function fetchOk(url: string, options: { timeoutMs?: number; http?: HttpLayer }) {
  const response = await fetchResource(url, { timeoutMs: options.timeoutMs }, options.http);
  if (response.status !== 'ok') {
    // Unreachable: a fresh request carries no validators, so 304 cannot happen.
    throw new StudylineError('http', `${url} gave an unexpected answer.`);
  }
  if (response.body.length === 0) {
    throw new StudylineError('empty', `${url} answered with an empty page.`);
  }
  return response;
}
