/**
 * Builds WordPress-style category feeds for tests and benchmarks: 10 posts a
 * page, content:encoded, dc:creator, merged category/tag elements, guids that
 * are not permalinks, and the "SeqX: Sent 11 October 2013." opening line.
 */
export interface ArchivePost {
  n: number;
  title: string;
  /** YYYY-MM-DD the email was originally sent. */
  sentOn: string;
  /** The blog's own date (often later than the send date). */
  pubDate: string;
  body: string;
  guid?: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function longDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** `count` posts, one every 3 days from `firstSentOn`, newest first (as a blog lists them). */
export interface PostOptions {
  firstSentOn?: string;
  seq?: string;
  bodyBytes?: number;
  /** Builds the body from the post number and its "SeqX: Sent …" line. */
  body?: (n: number, sentLine: string) => string;
}

export function makePosts(count: number, options: PostOptions = {}): ArchivePost[] {
  const first = Date.parse(`${options.firstSentOn ?? '2013-10-21'}T00:00:00Z`);
  const seq = options.seq ?? 'Seq21Oct13';
  const filler = 'Work through the exercises, then post your answer in your study group. '.repeat(
    Math.max(1, Math.round((options.bodyBytes ?? 1500) / 72)),
  );
  const posts: ArchivePost[] = [];
  for (let n = 1; n <= count; n++) {
    const sentOn = new Date(first + (n - 1) * 3 * 86_400_000).toISOString().slice(0, 10);
    posts.push({
      n,
      title: `Week ${Math.ceil(n / 2)}: lesson ${n}`,
      sentOn,
      // Archived on the blog a year later, in reverse: pubDate must not decide the order.
      pubDate: new Date(Date.parse('2014-06-01T10:00:00Z') - n * 60_000).toUTCString(),
      body:
        options.body?.(n, `${seq}: Sent ${longDate(sentOn)}.`) ??
        `<p>${seq}: Sent ${longDate(sentOn)}.</p><p>Hello Pythonistas! This is lesson ${n}.</p><pre><code>for i in range(${n}):\n    print(i)</code></pre><p>${filler}</p>`,
    });
  }
  return posts.reverse();
}

export function rssItem(post: ArchivePost, base: string): string {
  const link = `${base}/2013/lesson-${post.n}/`;
  return `<item>
  <title>${escapeXml(post.title)}</title>
  <link>${link}</link>
  <pubDate>${post.pubDate}</pubDate>
  <dc:creator><![CDATA[mechanicalmooc]]></dc:creator>
  <category><![CDATA[seq21oct13]]></category>
  <category><![CDATA[python]]></category>
  <guid isPermaLink="false">${post.guid ?? `${base}/?p=${1000 + post.n}`}</guid>
  <description><![CDATA[Lesson ${post.n}]]></description>
  <content:encoded><![CDATA[${post.body}]]></content:encoded>
</item>`;
}

export function rssPage(
  posts: ArchivePost[],
  base: string,
  title = 'Mechanical MOOC » seq21oct13',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${escapeXml(title)}</title>
  <link>${base}</link>
  <description>A Gentle Introduction to Python</description>
  <generator>http://wordpress.com/</generator>
  ${posts.map((p) => rssItem(p, base)).join('\n')}
</channel>
</rss>`;
}

/** Splits newest-first posts into WordPress pages of `perPage`. */
export function paginate<T>(posts: T[], perPage = 10): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < posts.length; i += perPage) pages.push(posts.slice(i, i + perPage));
  return pages;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
