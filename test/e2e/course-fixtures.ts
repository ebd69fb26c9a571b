import type { FeedServer } from '../helpers/feed-server';
import { serveBody } from '../helpers/feed-server';
import type { ArchivePost } from '../helpers/wordpress-feed';
import { longDate, paginate, rssPage } from '../helpers/wordpress-feed';
import { serveComments } from '../helpers/wordpress-server';
import { spiralPng } from './png';

export const FEED_PATH = '/category/seq21oct13/feed/';
export const IMAGE_PATH = '/wp-content/uploads/2013/10/spiral.png';

const DAY = 86_400_000;

function sentOn(n: number): string {
  return new Date(Date.parse('2013-10-21T00:00:00Z') + (n - 1) * 3 * DAY)
    .toISOString()
    .slice(0, 10);
}

/** One email of the course: the "Sent" line, a Python listing, a link; the first one has a picture. */
export function coursePost(n: number, origin: string, extraHtml = ''): ArchivePost {
  const day = sentOn(n);
  const picture =
    n === 1
      ? `<p><img src="${origin}${IMAGE_PATH}" alt="A square spiral drawn by the turtle" width="480" height="240"></p>`
      : '';
  return {
    n,
    title:
      n === 1
        ? 'Welcome to the Gentle Introduction to Python'
        : `Lesson ${n}: loops and lists, part ${n}`,
    sentOn: day,
    pubDate: new Date(Date.parse('2014-06-01T10:00:00Z') - n * 60_000).toUTCString(),
    body:
      `<p>Seq21Oct13: Sent ${longDate(day)}.</p><p>Hello Pythonistas! This is lesson ${n}.</p>` +
      `<pre><code>for step in range(${n + 2}):\n    print("step", step)</code></pre>` +
      picture +
      `<p>Read <a href="https://docs.python.org/3/tutorial/">the Python tutorial</a> before the next email.</p>` +
      extraHtml,
  };
}

export interface CourseFeeds {
  /** Holds page 2 of the archive until `release()`: lets a test see the sync mid-way. */
  holdPageTwo(): { release(): void };
  setGroupFailing(failing: boolean): void;
}

/** A 12-email WordPress archive (two pages), its picture and a lively group feed. */
export function serveCourse(
  server: FeedServer,
  posts: ArchivePost[],
  groupXml: string,
): CourseFeeds {
  const pages = paginate([...posts].sort((a, b) => b.n - a.n)).map((page) =>
    rssPage(page, server.origin),
  );
  let gate: Promise<void> | undefined;
  let groupFailing = false;
  server.route(FEED_PATH, (req, res) => {
    const page = Number(new URL(req.url ?? '/', server.origin).searchParams.get('paged') ?? '1');
    const body = pages[page - 1];
    const send = () =>
      body
        ? serveBody(body, { headers: { 'content-type': 'application/rss+xml; charset=UTF-8' } })(
            req,
            res,
          )
        : serveBody('<html><body>Not found</body></html>', {
            status: 404,
            headers: { 'content-type': 'text/html' },
          })(req, res);
    if (page === 2 && gate) void gate.then(send);
    else send();
  });
  // Posts that carry responses answer on their own comment feed.
  for (const post of posts) if (post.responses && !post.responsesGone) serveComments(server, post);
  server.route(IMAGE_PATH, serveBody(spiralPng(), { headers: { 'content-type': 'image/png' } }));
  server.route('/forum/latest.rss', (req, res) =>
    groupFailing
      ? serveBody('<h1>Internal Server Error</h1>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        })(req, res)
      : serveBody(groupXml, { headers: { 'content-type': 'application/rss+xml' } })(req, res),
  );
  return {
    holdPageTwo() {
      let release = () => {};
      gate = new Promise<void>((done) => (release = done));
      return {
        release: () => {
          release();
          gate = undefined;
        },
      };
    },
    setGroupFailing(failing) {
      groupFailing = failing;
    },
  };
}
