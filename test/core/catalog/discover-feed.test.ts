import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from '../../../electron/core/catalog/discover-feed';

const CATEGORY_PAGE = 'https://mechanicalmooc.wordpress.com/category/seq21oct13/';

describe('discoverFeedLinks', () => {
  it('finds the category feed a WordPress category page announces', () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="alternate" type="application/rss+xml" title="The Mechanical MOOC &raquo; Feed" href="https://mechanicalmooc.wordpress.com/feed/" />
      <link rel="alternate" type="application/rss+xml" title="The Mechanical MOOC &raquo; seq21oct13 Category Feed" href="https://mechanicalmooc.wordpress.com/category/seq21oct13/feed/" />
      <link rel="stylesheet" href="/style.css" />
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, CATEGORY_PAGE)).toEqual([
      'https://mechanicalmooc.wordpress.com/feed/',
      'https://mechanicalmooc.wordpress.com/category/seq21oct13/feed/',
    ]);
  });

  it('resolves relative links against the page and its <base href>, decoding entities', () => {
    const page = '<head><link rel="alternate" type="application/atom+xml" href="atom.xml"></head>';
    expect(discoverFeedLinks(page, 'https://forum.example.org/c/python/')).toEqual([
      'https://forum.example.org/c/python/atom.xml',
    ]);
    const based = `<head><base href="https://cdn.example.org/site/">
      <link rel=alternate type=application/rss+xml href="feed?a=1&amp;b=2"></head>`;
    expect(discoverFeedLinks(based, 'https://www.example.org/page')).toEqual([
      'https://cdn.example.org/site/feed?a=1&b=2',
    ]);
  });

  it('puts RSS and Atom before JSON feeds and drops duplicates', () => {
    const html = `
      <link rel="alternate" type="application/feed+json" href="/feed.json">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts">
      <LINK REL="Alternate" TITLE="News > Python" TYPE="application/atom+xml" HREF="/atom">
      <link type="application/rss+xml; charset=UTF-8" rel="alternate feed" href='/rss'>
      <link rel="alternate" type="application/rss+xml" href="https://x.org/rss">`;
    expect(discoverFeedLinks(html, 'https://x.org/')).toEqual([
      'https://x.org/atom',
      'https://x.org/rss',
      'https://x.org/feed.json',
      'https://x.org/wp-json/wp/v2/posts',
    ]);
  });

  it('ignores other links, commented-out links, scripts and unsafe URLs', () => {
    const html = `
      <link rel="stylesheet" type="text/css" href="/s.css">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="text/html" href="/print">
      <!-- <link rel="alternate" type="application/rss+xml" href="/old-rss"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/js-rss">')</script>
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="">`;
    expect(discoverFeedLinks(html, 'https://x.org/')).toEqual([]);
  });

  it('returns nothing for a page without feeds', () => {
    expect(discoverFeedLinks('<html><body>Hello</body></html>', 'https://x.org/')).toEqual([]);
    expect(discoverFeedLinks('', 'https://x.org/')).toEqual([]);
  });
});
