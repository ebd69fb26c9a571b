import { describe, expect, it } from 'vitest';
import type { SourceMeta, StoredItem } from '../../../electron/core/library/model';
import { syncSource, type SourceSyncContext } from '../../../electron/core/sync/sync-source';
import { makePosts, type ArchivePost, type ArchiveResponse } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';
import { serverAndFolderPerTest } from '../../helpers/per-test-server';

const env = serverAndFolderPerTest('responses');

function ctx(now = '2026-11-28T10:00:00Z'): SourceSyncContext {
  return {
    fetch: { timeoutMs: 5000 },
    assetsDir: env.dir,
    now: () => new Date(now),
    onProgress: () => {},
  };
}

const archive = (url: string): SourceMeta => ({ id: 'seq21oct13-test', url, kind: 'archive' });

const response = (i: number, html = `<p>Response number ${i}.</p>`): ArchiveResponse => ({
  author: `Learner ${i}`,
  date: new Date(Date.UTC(2013, 9, 22, 8, i)).toISOString(),
  html,
});

const HOSTILE =
  '<p>How do I stay accountable?<script>alert(1)</script>' +
  '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">me</a></p>';

/** 12 posts: 3 with a short discussion (one hostile), 2 with 23 responses, 1 whose feed is gone. */
function coursePosts(): ArchivePost[] {
  const posts = makePosts(12);
  for (const post of posts) post.responses = [];
  const byN = (n: number) => posts.find((p) => p.n === n)!;
  byN(3).responses = [response(1, HOSTILE), response(2, '<p>Learn at your own pace.</p>')];
  byN(2).responses = Array.from({ length: 23 }, (_, i) => response(i));
  Object.assign(byN(1), { responses: [], commentCount: 4, responsesGone: true });
  return posts;
}

const email = (items: StoredItem[], n: number) =>
  items.find((item) => item.link?.endsWith(`/2013/lesson-${n}/`))!;

describe('each email’s responses', () => {
  it('are read on the first sync, sanitized, oldest first, across every page of the comment feed', async () => {
    const route = serveArchive(env.server, { posts: coursePosts() });
    const { file, result } = await syncSource(archive(route.feedUrl), undefined, ctx());
    expect(result.status).toBe('ok');

    const short = email(file.items, 3).responses!;
    expect(short.items.map((r) => r.author)).toEqual(['Learner 1', 'Learner 2']);
    expect(short.items[1]).toMatchObject({ html: '<p>Learn at your own pace.</p>' });
    expect(short.items[0]!.link).toMatch(/\/2013\/lesson-3\/#comment-/);
    expect(short.items[0]!.html).toContain('How do I stay accountable?');
    expect(short.items[0]!.html).not.toMatch(/script|onerror|javascript:/i);

    const long = email(file.items, 2).responses!;
    expect(long.items).toHaveLength(23);
    expect(long.items[0]!.author).toBe('Learner 0');
    expect(route.commentRequests(2)).toEqual(
      expect.arrayContaining(['/2013/lesson-2/feed/', '/2013/lesson-2/feed/?paged=3']),
    );
  });

  it('leave a post whose comment feed is gone, or that has none, without an error or a request', async () => {
    const route = serveArchive(env.server, { posts: coursePosts() });
    const { file, result } = await syncSource(archive(route.feedUrl), undefined, ctx());
    expect(result).toMatchObject({ status: 'ok', error: undefined });
    expect(email(file.items, 1).responses).toMatchObject({ gone: true, items: [] });
    expect(route.commentRequests(1)).toHaveLength(1);
    // slash:comments 0: nothing to read, so nothing asked.
    expect(email(file.items, 7).responses).toMatchObject({ count: 0, items: [] });
    expect(route.commentRequests(7)).toEqual([]);
  });

  it('are asked for again only when the count changed; a recent post with a conditional GET', async () => {
    const posts = coursePosts();
    const route = serveArchive(env.server, { posts });
    const first = await syncSource(archive(route.feedUrl), undefined, ctx());
    const before = env.server.requests.length;

    // Nothing changed: the archive answers 304 and no comment feed is asked for.
    const second = await syncSource(archive(route.feedUrl), first.file, ctx());
    const asked = env.server.requests.slice(before).map((r) => r.path);
    expect(asked.filter((p) => p.includes('/2013/'))).toEqual([]);

    // A third response to post 3: only its feed is read again.
    posts.find((p) => p.n === 3)!.responses!.push(response(3, '<p>Thanks!</p>'));
    route.setPosts(posts);
    const mark = env.server.requests.length;
    const third = await syncSource(archive(route.feedUrl), second.file, ctx());
    const paths = env.server.requests.slice(mark).map((r) => r.path);
    expect(paths.filter((p) => p.includes('/2013/'))).toEqual(['/2013/lesson-3/feed/']);
    expect(email(third.file.items, 3).responses!.items.map((r) => r.author)).toContain('Learner 3');

    // A week after the posts went up they are asked for on each sync, conditionally.
    const recent = new Date(Date.parse(posts[0]!.pubDate) + 7 * 86_400_000).toISOString();
    const mark2 = env.server.requests.length;
    const fourth = await syncSource(archive(route.feedUrl), third.file, ctx(recent));
    const latest = env.server.requests
      .slice(mark2)
      .filter((r) => r.path.includes('/2013/lesson-3/'));
    expect(latest.map((r) => r.headers['if-none-match'])).toEqual(['"c3-3"']);
    expect(email(fourth.file.items, 3).responses!.items).toHaveLength(3);
  });
});
