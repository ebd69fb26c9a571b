import { createHash } from 'node:crypto';

const NOISE_SEGMENTS = new Set([
  'feed',
  'feeds',
  'rss',
  'atom',
  'category',
  'c',
  'r',
  'tag',
  'www',
]);

/**
 * A readable, file-name-safe id for a feed URL: a few words from the address
 * plus a short hash, so two feeds never share a library file.
 */
export function sourceIdFor(url: string): string {
  const hash = createHash('sha256').update(url.trim()).digest('hex').slice(0, 8);
  let words: string[] = [];
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.split('.').filter((part) => !NOISE_SEGMENTS.has(part));
    const path = parsed.pathname.split('/').filter((part) => part && !NOISE_SEGMENTS.has(part));
    words = [host[0] ?? '', ...path.slice(-2)];
  } catch {
    words = ['feed'];
  }
  const slug = words
    .join('-')
    .toLowerCase()
    .replace(/\.(rss|xml|json|atom)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'feed'}-${hash}`;
}

/** A slug for ids the learner sees (courses, groups). */
export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || fallback;
}

/** The URL of page N of a WordPress feed (`?paged=N`); page 1 is the feed itself. */
export function pagedUrl(feedUrl: string, page: number): string {
  if (page <= 1) return feedUrl;
  const url = new URL(feedUrl);
  url.searchParams.set('paged', String(page));
  return url.toString();
}
