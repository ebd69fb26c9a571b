import type { FeedServer } from './feed-server';
import { serveBody } from './feed-server';
import { makePosts, paginate, rssPage, type ArchivePost } from './wordpress-feed';

export interface ArchiveRoute {
  feedPath: string;
  feedUrl: string;
  /** Replace the archive (e.g. a new email published): pages are rebuilt. */
  setPosts(posts: ArchivePost[]): void;
  pageRequests(): number;
}

/**
 * Serves a paged WordPress category feed on the loopback server: `feed/`,
 * `feed/?paged=2`…, 404 past the last page, ETag/Last-Modified with 304s.
 */
export function serveArchive(
  server: FeedServer,
  options: { path?: string; posts?: ArchivePost[] } = {},
): ArchiveRoute {
  const feedPath = options.path ?? '/category/seq21oct13/feed/';
  let pages: string[] = [];
  let etag = '';
  const setPosts = (posts: ArchivePost[]) => {
    pages = paginate(posts).map((page) => rssPage(page, server.origin));
    etag = `"v${Date.now()}-${posts.length}"`;
  };
  setPosts(options.posts ?? makePosts(25));
  server.route(feedPath, (req, res) => {
    const page = Number(new URL(req.url ?? '/', server.origin).searchParams.get('paged') ?? '1');
    const body = pages[page - 1];
    if (!body)
      return serveBody('<html><body>Page not found</body></html>', {
        status: 404,
        headers: { 'content-type': 'text/html' },
      })(req, res);
    if (page === 1 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    serveBody(body, { headers: { 'content-type': 'application/rss+xml; charset=UTF-8', etag } })(
      req,
      res,
    );
  });
  return {
    feedPath,
    feedUrl: server.url(feedPath),
    setPosts,
    pageRequests: () => server.requests.filter((r) => r.path.startsWith(feedPath)).length,
  };
}
