import { StudylineError } from '../errors';
import { discoverFeedLinks } from '../catalog/discover-feed';
import { decodeText } from '../sync/decode-body';
import { fetchResource } from '../sync/http-fetch';
import { parseFeed } from '../sync/parse-feed';
import { sniffDocument } from '../sync/sniff-document';

export interface ResolvedFeed {
  feedUrl: string;
  title?: string;
  siteUrl?: string;
}

/** Checks that a pasted address is one Studyline may fetch at all. */
export function parseLearnerUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    throw new StudylineError('bad-url', `"${text}" is not a web address.`, {
      hint: 'Paste the address of the course blog, a category page or its feed, e.g. https://mechanicalmooc.wordpress.com/category/seq21oct13/',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StudylineError(
      'bad-url',
      `Studyline can only follow web addresses (http or https), not "${url.protocol}" ones.`,
    );
  }
  return url;
}

/**
 * Finds the feed behind what the learner pasted: the feed itself, or a blog or
 * category page that announces it with <link rel="alternate">.
 */
export async function resolveFeed(
  input: string,
  options: { timeoutMs?: number },
): Promise<ResolvedFeed> {
  const url = parseLearnerUrl(input).toString();
  const page = await fetchOk(url, options.timeoutMs);
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
      const response = await fetchOk(link, options.timeoutMs);
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

async function fetchOk(url: string, timeoutMs?: number) {
  const response = await fetchResource(url, { timeoutMs });
  if (response.status !== 'ok') {
    // Unreachable: a fresh request carries no validators, so 304 cannot happen.
    throw new StudylineError('http', `${url} gave an unexpected answer.`);
  }
  if (response.body.length === 0) {
    throw new StudylineError('empty', `${url} answered with an empty page.`);
  }
  return response;
}
