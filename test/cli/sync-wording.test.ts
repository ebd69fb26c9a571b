import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapturing } from './cli-env';
import type { EmailSummary, GroupView } from '../../electron/shared/types';
import { serveBody, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts, rssPage } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';

let server: FeedServer;
let dir: string;
let env: NodeJS.ProcessEnv;
const RSS = { 'content-type': 'application/rss+xml; charset=UTF-8' };
const ARCHIVE = '/category/seq21oct13/feed/';

const cli = (...argv: string[]) => runCliCapturing(argv, env);

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-cli-words-'));
  env = {
    STUDYLINE_DATA: join(dir, 'data'),
    STUDYLINE_CATALOG: await writeLoopbackCatalog(dir, server.origin),
  };
  server.route(
    '/forum/latest.rss',
    serveBody(groupFeed(server.origin, new Date()), { headers: RSS }),
  );
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('what `studyline sync` says', () => {
  it('names feeds by title, and says a failure once', async () => {
    serveArchive(server, { posts: makePosts(15) });
    server.route('/forum/latest.rss', serveBody('gone', { status: 410 }));
    await cli('follow', 'seq21oct13');
    const sync = await cli('sync');
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/^Mechanical MOOC » seq21oct13: page 1, 10 items \(10 new\)$/m);
    expect(sync.stderr).not.toMatch(/seq21oct13-[0-9a-f]{8}/);
    const said = `${sync.stdout}\n${sync.stderr}`.match(/was not found \(410\)/g) ?? [];
    expect(said).toHaveLength(1);
  });

  it('after a sync that found no emails, says so instead of asking for a sync', async () => {
    server.route(ARCHIVE, serveBody(rssPage([], server.origin), { headers: RSS }));
    await cli('follow', 'seq21oct13');
    expect((await cli('sync')).code).toBe(0);
    const emails = await cli('emails', 'seq21oct13');
    expect(emails.stdout).toMatch(/The last sync \(.*\) found no emails at http:\/\/127\.0\.0\.1/);
    expect(emails.stdout).not.toMatch(/run `studyline sync`/);
  });

  it('words a feed that is not a feed the same way in follow and in sync', async () => {
    const page = '<html><head><title>Blog</title></head><body>No feed</body></html>';
    serveArchive(server, { posts: makePosts(5) });
    await cli('follow', 'seq21oct13');
    server.route(ARCHIVE, serveBody(page, { headers: { 'content-type': 'text/html' } }));
    server.route('/other/', serveBody(page, { headers: { 'content-type': 'text/html' } }));
    const sync = await cli('sync');
    const follow = await cli('follow', server.url('/other/'));
    expect(follow.code).toBe(1);
    // sync reports "✗ <feed>" then the reason on the next line; follow says the reason alone.
    const lines = sync.stdout.split('\n');
    const syncReason = lines[lines.indexOf(`✗ ${server.url(ARCHIVE)}`) + 1]?.trim();
    const followReason = follow.stderr.replace(/^studyline: /, '').trim();
    expect(syncReason?.replace(server.url(ARCHIVE), 'URL')).toBe(
      followReason.replace(server.url('/other/'), 'URL'),
    );
    expect(followReason).toMatch(/is a web page, not a feed/);
  });
});

describe('an archive that could not be read to its first email', () => {
  it('is said in `emails` and `status`, numbering marked provisional, until a retry completes it', async () => {
    const posts = makePosts(30);
    serveArchive(server, { posts });
    let down = true;
    server.route(`${ARCHIVE}?paged=2`, (req, res) =>
      down
        ? serveBody('busy', { status: 500 })(req, res)
        : serveBody(rssPage(posts.slice(10, 20), server.origin), { headers: RSS })(req, res),
    );
    await cli('follow', 'seq21oct13');
    expect((await cli('sync')).code).toBe(1);

    const emails = await cli('emails', 'seq21oct13');
    expect(emails.stdout.split('\n')[0]).toBe(
      'The earliest 20 emails may be missing: numbering and plan are provisional. Run `studyline sync` to retry.',
    );
    const list = JSON.parse((await cli('--json', 'emails', 'seq21oct13')).stdout) as EmailSummary[];
    expect(list).toHaveLength(10);
    expect(list.every((email) => email.provisional)).toBe(true);
    const status = await cli('status');
    expect(status.stdout).toMatch(/The earliest 20 emails may be missing/);
    expect(status.stdout).toMatch(/Provisional: the archive is incomplete/);

    down = false;
    expect((await cli('sync')).code).toBe(0);
    const complete = await cli('emails', 'seq21oct13');
    expect(complete.stdout).not.toMatch(/may be missing/);
    expect(complete.stdout.split('\n')).toHaveLength(30);
    expect((await cli('status')).stdout).not.toMatch(/Provisional/);
  });
});

describe('add-group', () => {
  it('checks the feed as follow does, and adds nothing when it is not one', async () => {
    serveArchive(server, { posts: makePosts(5) });
    await cli('follow', 'seq21oct13');
    server.route(
      '/not-a-feed',
      serveBody('<html><body>Welcome</body></html>', { headers: { 'content-type': 'text/html' } }),
    );
    const refused = await cli(
      'add-group',
      'seq21oct13',
      '--live',
      'https://chat.example.org/',
      '--feed',
      server.url('/not-a-feed'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is a web page, not a feed/);
    const groups = JSON.parse((await cli('--json', 'groups', 'seq21oct13')).stdout) as GroupView[];
    expect(groups.some((g) => g.liveUrl === 'https://chat.example.org/')).toBe(false);
  });
});
