import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../electron/core/sync/parse-feed';

const WP_FEED_URL = 'https://mechanicalmooc.wordpress.com/category/seq21oct13/feed/';

const wordpressItem = (id: number, extra = ''): string => `
  <item>
    <title>Seq21Oct13: Week 1 &#8211; Strings &amp; Lists</title>
    <link>https://mechanicalmooc.wordpress.com/2013/10/21/post-${id}/</link>
    <comments>https://mechanicalmooc.wordpress.com/2013/10/21/post-${id}/#respond</comments>
    <pubDate>Mon, 21 Oct 2013 14:05:12 +0000</pubDate>
    <dc:creator><![CDATA[mechanicalmooc]]></dc:creator>
    <category><![CDATA[seq21oct13]]></category>
    <category><![CDATA[Python]]></category>
    <category><![CDATA[python]]></category>
    <category><![CDATA[Week 1]]></category>
    <guid isPermaLink="false">http://mechanicalmooc.wordpress.com/?p=${id}</guid>
    <description><![CDATA[Seq21Oct13: Sent 11 October 2013. Hello learners [&#8230;]]]></description>
    <content:encoded><![CDATA[<p>Seq21Oct13: Sent 11 October 2013.</p><p>Hello <a href="/about/">learners</a>!</p>]]></content:encoded>
    ${extra}
  </item>`;

const wordpressFeed = (items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
  <title>seq21oct13 &#8211; The Mechanical MOOC</title>
  <atom:link href="${WP_FEED_URL}" rel="self" type="application/rss+xml" />
  <link>https://mechanicalmooc.wordpress.com</link>
  <description>A massive open online course</description>
  <lastBuildDate>Mon, 21 Oct 2013 14:05:12 +0000</lastBuildDate>
  <generator>http://wordpress.com/</generator>
  ${items}
</channel>
</rss>`;

describe('parseFeed: WordPress RSS 2.0', () => {
  it('reads the channel and the items with full content', async () => {
    const feed = await parseFeed(
      wordpressFeed(wordpressItem(101) + wordpressItem(102)),
      WP_FEED_URL,
    );
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('seq21oct13 – The Mechanical MOOC');
    expect(feed.link).toBe('https://mechanicalmooc.wordpress.com/');
    expect(feed.items).toHaveLength(2);
    const [first] = feed.items;
    expect(first).toEqual({
      guid: 'http://mechanicalmooc.wordpress.com/?p=101',
      link: 'https://mechanicalmooc.wordpress.com/2013/10/21/post-101/',
      title: 'Seq21Oct13: Week 1 – Strings & Lists',
      author: 'mechanicalmooc',
      publishedAt: '2013-10-21T14:05:12.000Z',
      html: '<p>Seq21Oct13: Sent 11 October 2013.</p><p>Hello <a href="/about/">learners</a>!</p>',
      categories: ['seq21oct13', 'Python', 'Week 1'],
    });
  });

  it('keeps items with the same guid (deduplication happens later)', async () => {
    const feed = await parseFeed(wordpressFeed(wordpressItem(7) + wordpressItem(7)), WP_FEED_URL);
    expect(feed.items.map((item) => item.guid)).toEqual([
      'http://mechanicalmooc.wordpress.com/?p=7',
      'http://mechanicalmooc.wordpress.com/?p=7',
    ]);
  });

  it('turns an invalid date into undefined, never "Invalid Date"', async () => {
    const xml = wordpressFeed(wordpressItem(1)).replaceAll(
      'Mon, 21 Oct 2013 14:05:12 +0000',
      'sometime last week',
    );
    const feed = await parseFeed(xml, WP_FEED_URL);
    expect(feed.items[0]?.publishedAt).toBeUndefined();
    expect(feed.items[0]?.title).toContain('Week 1');
  });
});

describe('parseFeed: plain RSS 2.0 quirks', () => {
  const rss = (items: string): string =>
    `<rss version="2.0"><channel><title> Group </title><link>/forum/</link>${items}</channel></rss>`;

  it('resolves relative links against the feed URL and drops unsafe ones', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>a</title><link>/t/1</link></item><item><title>b</title><link>javascript:alert(1)</link></item>',
      ),
      'https://forum.example.org/latest.rss',
    );
    expect(feed.link).toBe('https://forum.example.org/forum/');
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://forum.example.org/t/1',
      undefined,
    ]);
  });

  it('copes with missing guid, title, date and content, naming an untitled item by its text', async () => {
    const feed = await parseFeed(
      rss('<item><description>Just text</description></item><item/>'),
      'https://x.org/rss',
    );
    expect(feed.items).toEqual([
      {
        guid: undefined,
        link: undefined,
        title: 'Just text',
        author: undefined,
        publishedAt: undefined,
        html: 'Just text',
        categories: [],
      },
      {
        guid: undefined,
        link: undefined,
        title: '(untitled)',
        author: undefined,
        publishedAt: undefined,
        html: '',
        categories: [],
      },
    ]);
  });

  it('uses a permalink guid as the link, but not one marked isPermaLink="false"', async () => {
    const feed = await parseFeed(
      rss(
        '<item><guid>https://x.org/p/1</guid></item><item><guid isPermaLink="false">https://x.org/?p=2</guid></item>',
      ),
      'https://x.org/rss',
    );
    expect(feed.items.map((item) => item.link)).toEqual(['https://x.org/p/1', undefined]);
    expect(feed.items[1]?.guid).toBe('https://x.org/?p=2');
  });

  it('reads the name out of an RSS author e-mail field and decodes titles', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; caf&#233;</title><author>jo@x.org (Jo Smith)</author></item>',
      ),
      'https://x.org/rss',
    );
    expect(feed.items[0]?.author).toBe('Jo Smith');
    expect(feed.items[0]?.title).toBe('Bold & café');
  });

  it('falls back to dc:author and itunes:author', async () => {
    const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
      <item><dc:author>Ed Itor</dc:author></item><item><itunes:author>Pod Caster</itunes:author></item></channel></rss>`;
    const feed = await parseFeed(xml, 'https://x.org/rss');
    expect(feed.items.map((item) => item.author)).toEqual(['Ed Itor', 'Pod Caster']);
  });

  it('reads an <rss> without a version as RSS 2.0', async () => {
    const feed = await parseFeed(
      '<rss><channel><item><title>x</title></item></channel></rss>',
      'https://x.org/rss',
    );
    expect(feed.items[0]?.title).toBe('x');
  });

  it('recovers from undeclared HTML entities and bare ampersands', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>Caf&eacute; &nbsp;AT&T Q&A</title><link>https://x.org/?a=1&b=2</link></item>',
      ),
      'https://x.org/rss',
    );
    expect(feed.items[0]?.title).toBe('Café AT&T Q&A');
    expect(feed.items[0]?.link).toBe('https://x.org/?a=1&b=2');
  });

  it('skips a server warning printed before the XML', async () => {
    const body = `Warning: session_start() in /var/www/feed.php on line 3\n<?xml version="1.0"?>${rss('<item><title>ok</title></item>')}`;
    const feed = await parseFeed(body, 'https://x.org/rss');
    expect(feed.items[0]?.title).toBe('ok');
  });
});
