import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../electron/core/sync/parse-feed';

const REDDIT_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <category term="learnpython" label="r/learnpython"/>
  <updated>2024-03-02T10:00:00+00:00</updated>
  <id>/r/learnpython/.rss</id>
  <link rel="self" href="https://www.reddit.com/r/learnpython/.rss" type="application/atom+xml" />
  <link rel="alternate" href="https://www.reddit.com/r/learnpython/" type="text/html" />
  <title>learnpython</title>
  <entry>
    <author><name>/u/curious_learner</name><uri>https://www.reddit.com/user/curious_learner</uri></author>
    <category term="learnpython" label="r/learnpython"/>
    <content type="html">&lt;p&gt;Why does &lt;code&gt;print&lt;/code&gt; need parentheses?&lt;/p&gt;</content>
    <id>t3_1b4abcd</id>
    <link href="https://www.reddit.com/r/learnpython/comments/1b4abcd/why_print/" />
    <updated>2024-03-02T09:58:00+00:00</updated>
    <published>2024-03-02T09:55:00+00:00</published>
    <title>Why print()?</title>
  </entry>
  <entry>
    <id>t3_2</id>
    <title type="html">&lt;em&gt;Second&lt;/em&gt; post</title>
    <summary>Only a summary</summary>
    <updated>not a date</updated>
    <link>https://atom-0.3-style.example/</link>
  </entry>
</feed>`;

const RSS1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://planet.example.org/">
    <title>Planet Python Study</title>
    <link>https://planet.example.org/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://planet.example.org/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://planet.example.org/a">
    <title>Generators explained</title>
    <link>https://planet.example.org/a</link>
    <description>&lt;p&gt;Yield!&lt;/p&gt;</description>
    <dc:creator>Ada</dc:creator>
    <dc:date>2013-10-25T08:30:00+02:00</dc:date>
    <dc:subject>python</dc:subject>
  </item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Study group',
  home_page_url: 'https://group.example.org/',
  authors: [{ name: 'Group admins' }],
  items: [
    {
      id: 42,
      url: '/posts/42',
      title: 'Week 2 & recursion',
      content_html: '<p>Recursion <b>is</b> fun</p>',
      date_published: '2013-11-04T09:00:00Z',
      tags: ['recursion', 'Recursion', 'week-2'],
      authors: [{ name: 'Grace' }],
    },
    { id: 'b', content_text: 'Line one\nline two\n\nSecond <para>', date_published: '31/02/2013' },
    'not an item',
  ],
});

describe('parseFeed: Atom (Reddit-like)', () => {
  it('reads entries, authors, categories and HTML content', async () => {
    const feed = await parseFeed(REDDIT_ATOM, 'https://www.reddit.com/r/learnpython/.rss');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('learnpython');
    expect(feed.link).toBe('https://www.reddit.com/r/learnpython/');
    expect(feed.items[0]).toEqual({
      guid: 't3_1b4abcd',
      link: 'https://www.reddit.com/r/learnpython/comments/1b4abcd/why_print/',
      title: 'Why print()?',
      author: '/u/curious_learner',
      publishedAt: '2024-03-02T09:55:00.000Z',
      html: '<p>Why does <code>print</code> need parentheses?</p>',
      categories: ['r/learnpython'],
    });
  });

  it('tolerates a bad date, an attribute-less link and an HTML title', async () => {
    const feed = await parseFeed(REDDIT_ATOM, 'https://www.reddit.com/r/learnpython/.rss');
    const second = feed.items[1];
    expect(second?.title).toBe('Second post');
    expect(second?.publishedAt).toBeUndefined();
    expect(second?.html).toBe('Only a summary');
    expect(second?.link).toBe('https://atom-0.3-style.example/');
  });

  it('keeps brackets in text titles, strips tags from html titles and flattens xhtml ones', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Study <b>group</b></div></title>
      <entry><title>History of the &lt;blink&gt; tag</title></entry>
      <entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title></entry>
      <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Week <script>alert(1)</script></div></title></entry>
      <entry><title mode="base64">V2VlayAz</title></entry></feed>`;
    const feed = await parseFeed(atom, 'https://x.org/atom');
    expect(feed.title).toBe('Study group');
    expect(feed.items.map((item) => item.title)).toEqual([
      'History of the <blink> tag',
      'Bold & more',
      'Week',
      'Week 3',
    ]);
  });

  it('falls back to the feed-level author', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><author><name>Ada</name></author>
      <entry><title>a</title></entry><entry><title>b</title><author><name>Grace</name></author></entry></feed>`;
    const feed = await parseFeed(atom, 'https://x.org/atom');
    expect(feed.items.map((item) => item.author)).toEqual(['Ada', 'Grace']);
  });

  it('resolves links against xml:base', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/en/">
      <title>t</title><entry xml:base="posts/"><title>e</title><link href="one.html"/></entry></feed>`;
    const feed = await parseFeed(atom, 'https://feeds.example.net/atom');
    expect(feed.items[0]?.link).toBe('https://blog.example.org/en/posts/one.html');
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items with Dublin Core fields', async () => {
    const feed = await parseFeed(RSS1, 'https://planet.example.org/rss10.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Planet Python Study');
    expect(feed.items).toEqual([
      {
        guid: 'https://planet.example.org/a',
        link: 'https://planet.example.org/a',
        title: 'Generators explained',
        author: 'Ada',
        publishedAt: '2013-10-25T06:30:00.000Z',
        html: '<p>Yield!</p>',
        categories: ['python'],
      },
    ]);
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads a JSON Feed 1.1 with numeric ids, relative urls and tags', async () => {
    const feed = await parseFeed(JSON_FEED, 'https://group.example.org/feed.json');
    expect(feed).toMatchObject({
      format: 'json',
      title: 'Study group',
      link: 'https://group.example.org/',
    });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: '42',
      link: 'https://group.example.org/posts/42',
      title: 'Week 2 & recursion',
      author: 'Grace',
      publishedAt: '2013-11-04T09:00:00.000Z',
      html: '<p>Recursion <b>is</b> fun</p>',
      categories: ['recursion', 'week-2'],
    });
  });

  it('turns content_text into escaped paragraphs and falls back to the feed author', async () => {
    const feed = await parseFeed(JSON_FEED, 'https://group.example.org/feed.json');
    expect(feed.items[1]).toMatchObject({
      guid: 'b',
      title: 'Line one line two Second <para>',
      author: 'Group admins',
      publishedAt: undefined,
      html: '<p>Line one<br>line two</p><p>Second &lt;para&gt;</p>',
    });
  });

  it('reads a JSON Feed 1.0 author', async () => {
    const json = {
      version: 'https://jsonfeed.org/version/1',
      title: 'x',
      author: { name: 'Sam' },
      items: [{ id: '1', content_html: 'hi' }],
    };
    const feed = await parseFeed(JSON.stringify(json), 'https://x.org/feed.json');
    expect(feed.items[0]?.author).toBe('Sam');
  });
});
