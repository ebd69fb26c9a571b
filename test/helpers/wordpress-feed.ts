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
  /** Its readers' comments, oldest first; absent: the feed names no comment feed. */
  responses?: ArchiveResponse[];
  /** slash:comments when it differs from the responses served (a count not yet updated). */
  commentCount?: number;
  /** The comment feed answers 404 (comments closed, feed removed). */
  responsesGone?: boolean;
}

export interface ArchiveResponse {
  author: string;
  /** ISO. */
  date: string;
  html: string;
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

/** Where a post lives on the test blog; its comment feed is this + "feed/". */
export function postPath(post: Pick<ArchivePost, 'n'>): string {
  return `/2013/lesson-${post.n}/`;
}

function commentElements(post: ArchivePost, link: string): string {
  if (!post.responses) return '';
  const count = post.commentCount ?? post.responses.length;
  return `<wfw:commentRss>${link}feed/</wfw:commentRss>\n  <slash:comments>${count}</slash:comments>`;
}

export function rssItem(post: ArchivePost, base: string): string {
  const link = `${base}${postPath(post)}`;
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
  ${commentElements(post, link)}
</item>`;
}

export function rssPage(
  posts: ArchivePost[],
  base: string,
  title = 'Mechanical MOOC » seq21oct13',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
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

/** One page of a post's comment feed, newest first as WordPress lists them. */
export function commentFeedPage(
  post: ArchivePost,
  responses: ArchiveResponse[],
  base: string,
): string {
  const link = `${base}${postPath(post)}`;
  const items = responses.map(
    (r, i) => `<item>
  <title>By: ${escapeXml(r.author)}</title>
  <link>${link}#comment-${post.n * 1000 + i}</link>
  <dc:creator><![CDATA[${r.author}]]></dc:creator>
  <pubDate>${new Date(r.date).toUTCString()}</pubDate>
  <guid isPermaLink="false">${base}/?p=${1000 + post.n}#comment-${escapeXml(r.date)}</guid>
  <description><![CDATA[${r.html}]]></description>
  <content:encoded><![CDATA[${r.html}]]></content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Comments on: ${escapeXml(post.title)}</title>
  <link>${link}</link>
  <description>A Gentle Introduction to Python</description>
  ${items.join('\n')}
</channel>
</rss>`;
}
