import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapturing } from './cli-env';
import { indexPath } from '../../electron/core/search/index-file';
import type { SearchResults } from '../../electron/shared/types';
import { serveBody, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { writeLoopbackCatalog } from '../helpers/test-catalog';
import { serveArchive } from '../helpers/wordpress-server';
import { FORUM_POSTS, forumFeed, searchPosts } from '../core/search/fixtures';
import { existsSync } from 'node:fs';

let server: FeedServer;
let dir: string;
let env: NodeJS.ProcessEnv;

const cli = (...argv: string[]) => runCliCapturing(argv, env);

beforeAll(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-cli-search-'));
  env = {
    STUDYLINE_DATA: join(dir, 'data'),
    STUDYLINE_CATALOG: await writeLoopbackCatalog(dir, server.origin),
  };
  serveArchive(server, { posts: searchPosts() });
  server.route(
    '/forum/latest.rss',
    serveBody(forumFeed(server.origin, FORUM_POSTS), {
      headers: { 'content-type': 'application/rss+xml' },
    }),
  );
  expect((await cli('follow', 'seq21oct13')).code).toBe(0);
  expect((await cli('sync')).code).toBe(0);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('studyline search', () => {
  it('prints ranked hits with kind, date, title, snippet and how to open each', async () => {
    const { code, stdout } = await cli('search', 'spiral');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 matches for "spiral":/);
    expect(stdout).toMatch(
      /email {2}2013-10-24 {2}Week 2: The turtle \*spiral\* {2}\(seq21oct13\)/,
    );
    expect(stdout).toMatch(
      /post {3}2026-11-20 {2}\*Spiral\* does not close {2}\(seq21oct13 · Python help forum\)/,
    );
    expect(stdout).toMatch(new RegExp(`open ${server.origin}/forum/t/1`));
  });

  it('gives ids that `show` opens', async () => {
    const { stdout } = await cli('--json', 'search', 'cafe');
    const results = JSON.parse(stdout) as SearchResults;
    expect(results.hits).toHaveLength(1);
    const shown = await cli('show', results.hits[0]!.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Week 4: Un café, l’été/);
  });

  it('takes several words and quoted phrases, a course, kinds and a limit', async () => {
    const phrase = await cli('--json', 'search', '"stuck on the same line"');
    expect((JSON.parse(phrase.stdout) as SearchResults).hits.map((h) => h.title.text)).toEqual([
      'Week 5: Loops again',
    ]);
    const posts = await cli('--json', 'search', 'dictionary', '--in', 'groups');
    expect((JSON.parse(posts.stdout) as SearchResults).hits.map((h) => h.kind)).toEqual(['group']);
    const limited = await cli('search', 'week', '--limit', '2', '--course', 'seq21oct13');
    expect(limited.stdout).toMatch(/^2\+ matches for "week" \(use --limit for more\)/);
  });

  it('exits 0 when nothing matches, and says so', async () => {
    expect(await cli('search', 'zebra')).toMatchObject({
      code: 0,
      stdout: 'Nothing matches "zebra".',
    });
    const symbols = await cli('search', '?!');
    expect(symbols.code).toBe(0);
    expect(symbols.stdout).toMatch(/punctuation/);
  });

  it('exits 2 on a usage error', async () => {
    for (const argv of [
      ['search'],
      ['search', 'x', '--in', 'tweets'],
      ['search', 'x', '--limit', '0'],
      ['search', 'x', '--limit', 'lots'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^studyline: /);
    }
  });

  it('exits 1 for a course it does not know, as every command does for an unknown id', async () => {
    const result = await cli('search', 'x', '--course', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^studyline: .*nope/);
  });

  it('only reads: a missing index is rebuilt in memory, never written', async () => {
    await rm(indexPath(join(dir, 'data')));
    expect((await cli('search', 'cafe')).stdout).toMatch(/^1 match for "cafe"/);
    expect(existsSync(indexPath(join(dir, 'data')))).toBe(false);
    expect((await cli('sync')).code).toBe(0);
    expect(existsSync(indexPath(join(dir, 'data')))).toBe(true);
  });
});
