import type { FeedServer } from './feed-server';
import { serveBody } from './feed-server';
import {
  commentFeedPage,
  makePosts,
  paginate,
  postPath,
  rssPage,
  type ArchivePost,
} from './wordpress-feed';

export interface ArchiveRoute {
  feedPath: string;
  feedUrl: string;
  /** Replace the archive (e.g. a new email published): pages are rebuilt. */
  setPosts(posts: ArchivePost[]): void;
  pageRequests(): number;
  /** Requests to post n's comment feed (every page). */
  commentRequests(n: number): string[];
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
    for (const post of posts)
      if (post.responses && !post.responsesGone) serveComments(server, post);
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
    commentRequests: (n) =>
      server.requests.map((r) => r.path).filter((p) => p.startsWith(`${postPath({ n })}feed/`)),
  };
}

/** A post's comment feed: 10 a page, newest first, `?paged=N`, 404 past the end, ETag and 304. */
export function serveComments(server: FeedServer, post: ArchivePost): void {
  const pages = paginate([...(post.responses ?? [])].reverse()).map((page) =>
    commentFeedPage(post, page, server.origin),
  );
  if (pages.length === 0) pages.push(commentFeedPage(post, [], server.origin));
  const etag = `"c${post.n}-${post.responses?.length ?? 0}"`;
  server.route(`${postPath(post)}feed/`, (req, res) => {
    const page = Number(new URL(req.url ?? '/', server.origin).searchParams.get('paged') ?? '1');
    const body = pages[page - 1];
    if (!body) return serveBody('Page not found', { status: 404 })(req, res);
    if (page === 1 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    serveBody(body, { headers: { 'content-type': 'application/rss+xml; charset=UTF-8', etag } })(
      req,
      res,
    );
  });
}
