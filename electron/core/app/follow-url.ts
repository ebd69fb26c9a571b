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
  const links =
    sniffDocument(text, page.contentType) === 'html' ? discoverFeedLinks(text, page.url) : [];
  if (links.length === 0) {
    // Read exactly as a sync reads it, so a problem is worded the same way in both.
    const feed = await parseFeed(text, page.url, page.contentType);
    return { feedUrl: page.url, title: feed.title, siteUrl: feed.link };
  }
  for (const link of links) {
    try {
      const response = await fetchOk(link, options);
      const body = decodeText(response.body, response.contentType);
      const feed = await parseFeed(body, response.url, response.contentType);
      return { feedUrl: response.url, title: feed.title, siteUrl: feed.link ?? page.url };
    } catch (error) {
      if (link === links[links.length - 1]) throw error;
    }
  }
  throw new StudylineError('not-a-feed', `${url} is a web page, not a feed.`);
}

async function fetchOk(url: string, options: { timeoutMs?: number; http?: HttpLayer }) {
  const response = await fetchResource(url, { timeoutMs: options.timeoutMs }, options.http);
  if (response.status !== 'ok') {
    // Unreachable: a fresh request carries no validators, so 304 cannot happen.
    throw new StudylineError('http', `${url} gave an unexpected answer.`);
  }
  return response;
}
