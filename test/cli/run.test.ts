import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { runCliCapturing } from './cli-env';
import type { Catalog } from '../../electron/shared/types';
import { serveBody, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';

let server: FeedServer;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-cli-'));
  env = {
    STUDYLINE_DATA: join(dir, 'data'),
    STUDYLINE_CATALOG: await writeLoopbackCatalog(dir, server.origin),
  };
  serveArchive(server, { posts: makePosts(25) });
  server.route(
    '/forum/latest.rss',
    serveBody(groupFeed(server.origin, new Date()), {
      headers: { 'content-type': 'application/rss+xml' },
    }),
  );
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCliCapturing(argv, env);

describe('studyline CLI', () => {
  it('follows a catalog sequence, syncs its whole archive and lists the emails in send order', async () => {
    expect((await cli('follow', 'seq21oct13')).code).toBe(0);
    const sync = await cli('sync');
    expect(sync.code).toBe(0);
    expect(sync.stderr).toMatch(/page 3/);
    const emails = await cli('--json', 'emails', 'seq21oct13');
    const list = JSON.parse(emails.stdout) as {
      id: string;
      title: string;
      sentAt: string;
      order: number;
      link: string;
    }[];
    expect(list).toHaveLength(25);
    expect(list[0]).toMatchObject({
      order: 1,
      title: 'Week 1: lesson 1',
      sentAt: '2013-10-21T00:00:00.000Z',
    });
    expect(list.map((e) => e.order)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const shown = await cli('show', list[2]!.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Week 2: lesson 3');
    expect(shown.stdout).toContain('print(i)');
  });

  it('reports each source as JSON with its status', async () => {
    await cli('follow', 'seq21oct13');
    await cli('sync');
    const { stdout, code } = await cli('sources', '--json');
    expect(code).toBe(0);
    const sources = JSON.parse(stdout) as {
      url: string;
      kind: string;
      status: string;
      itemCount: number;
      lastSyncAt: string;
    }[];
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'archive', status: 'ok', itemCount: 25 }),
        expect.objectContaining({ kind: 'group', status: 'ok', itemCount: 3 }),
      ]),
    );
  });

  it('shows the groups, their activity, the one to ask first, and where to go instead of a closed one', async () => {
    await cli('follow', 'seq21oct13');
    await cli('sync');
    const groups = JSON.parse((await cli('groups', 'seq21oct13', '--json')).stdout) as {
      id: string;
      activity: string;
      latestPosts: unknown[];
      fallback?: { id: string };
      recommended: boolean;
    }[];
    expect(groups.find((g) => g.id === 'forum')).toMatchObject({
      activity: 'active',
      recommended: true,
    });
    expect(groups.find((g) => g.id === 'forum')?.latestPosts).toHaveLength(3);
    // Its fallback (6.00) closed too: the open forum is suggested instead.
    expect(groups.find((g) => g.id === 'openstudy-6189')).toMatchObject({
      activity: 'closed',
      recommended: false,
      suggestFallback: true,
      fallback: { id: 'forum' },
    });
    const text = (await cli('groups', 'seq21oct13')).stdout;
    expect(text).toMatch(/Python help forum \[forum\] — active .* — ask here first/);
    expect(text).toContain('MIT 6.189 (OCW) [openstudy-6189] — closed: OpenStudy has closed');
    expect(text).not.toContain('Ask for help: https://openstudy.example');
  });

  it('adds a group with a feed and a live URL', async () => {
    await cli('follow', 'seq21oct13');
    server.route(
      '/other.rss',
      serveBody(groupFeed(server.origin, new Date(), 2), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    const added = await cli(
      'add-group',
      'seq21oct13',
      '--feed',
      server.url('/other.rss'),
      '--live',
      'https://other.example/',
      '--name',
      'Other group',
      '--fallback',
      'forum',
    );
    expect(added.code).toBe(0);
    await cli('sync');
    const groups = JSON.parse((await cli('groups', 'seq21oct13', '--json')).stdout) as {
      name: string;
      latestPosts: unknown[];
      fallback?: { id: string };
    }[];
    expect(groups.find((g) => g.name === 'Other group')).toMatchObject({
      fallback: { id: 'forum' },
    });
    expect(groups.find((g) => g.name === 'Other group')?.latestPosts).toHaveLength(2);
  });

  it('exits 1 when one source fails, keeping what the others brought', async () => {
    await cli('follow', 'seq21oct13');
    server.route(
      '/forum/latest.rss',
      serveBody('<html><body>Forum down for maintenance</body></html>', {
        status: 503,
        headers: { 'content-type': 'text/html' },
      }),
    );
    const sync = await cli('sync');
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/forum\/latest\.rss/);
    const emails = JSON.parse((await cli('emails', 'seq21oct13', '--json')).stdout) as unknown[];
    expect(emails).toHaveLength(25);
  });

  it('follows a course by the address of a page that links its feed', async () => {
    server.route(
      '/category/seq21oct13/',
      serveBody(
        `<html><head><link rel="alternate" type="application/rss+xml" title="seq21oct13" href="/category/seq21oct13/feed/"></head><body>Archive</body></html>`,
        { headers: { 'content-type': 'text/html' } },
      ),
    );
    server.route(
      '/blog/',
      serveBody('<html><head><title>No feed here</title></head><body>Hi</body></html>', {
        headers: { 'content-type': 'text/html' },
      }),
    );
    const noFeed = await cli('follow', server.url('/blog/'));
    expect(noFeed.code).toBe(1);
    expect(noFeed.stderr).toMatch(/is a web page, not a feed/);
    const followed = await cli('--json', 'follow', server.url('/category/seq21oct13/'));
    expect(followed.code).toBe(0);
    expect(JSON.parse(followed.stdout)).toMatchObject({ id: 'seq21oct13' });
  });

  it('answers usage errors with exit 2 and a clear message', async () => {
    expect((await cli('frobnicate')).stderr).toMatch(/Unknown command "frobnicate"/);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('emails')).code).toBe(2);
    expect((await cli('--timeout', 'soon', 'sync')).stderr).toMatch(/--timeout takes a number/);
    // An id that names nothing is a failure (1), not a usage error.
    const unknown = await cli('emails', 'no-such-course');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not following a course "no-such-course"/);
    expect((await cli('show', 'nope.123')).code).toBe(1);
    expect((await cli('follow', 'ftp://example.org/feed')).stderr).toMatch(
      /only follow web addresses/,
    );
    const json = await cli('--json', 'show', 'nope.123');
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'not-found' } });
  });

  it('refuses to write while the desktop app holds the data folder, but still reads', async () => {
    await cli('follow', 'seq21oct13');
    const app = await openStudyline({
      dataDir: env.STUDYLINE_DATA!,
      owner: 'app',
      catalogPath: env.STUDYLINE_CATALOG,
    });
    try {
      const sync = await cli('sync');
      expect(sync.code).toBe(1);
      expect(sync.stderr).toMatch(/Studyline is open/);
      expect((await cli('courses')).code).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('restores a damaged progress file once, when the folder is free, and tells it once', async () => {
    await cli('follow', 'seq21oct13');
    await cli('sync');
    await writeFile(join(env.STUDYLINE_DATA!, 'progress.json'), '{"schemaVersion":1,"cour');
    const sources = await cli('sources');
    expect(sources.stdout.match(/NOTICE: .*damaged.*restored the last good copy/g)).toHaveLength(1);
    const courses = await cli('courses');
    expect(courses.stdout).toMatch(/seq21oct13/);
    expect(courses.stderr).toBe('');
    const status = JSON.parse((await cli('--json', 'status')).stdout) as {
      notices: { message: string }[];
    };
    expect(status.notices.filter((n) => /restored/.test(n.message))).toHaveLength(1);
    const names = await readdir(env.STUDYLINE_DATA!);
    expect(names.filter((n) => n.startsWith('progress.json.corrupt-'))).toHaveLength(1);
  });

  it('runs as a real command straight after npm install', () => {
    const result = spawnSync('npm', ['run', '-s', 'studyline', '--', '--json', 'catalog'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Catalog).courses[0]?.sequences).toHaveLength(1);
  });
});
