import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapturing } from './cli-env';
import type { Email, EmailSummary } from '../../electron/shared/types';
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
  const posts = makePosts(12);
  for (const post of posts) post.responses = [];
  posts.find((p) => p.n === 3)!.responses = [
    {
      author: 'Ana',
      date: '2013-10-28T09:00:00Z',
      html: '<p>How do you stay accountable?<script>alert(1)</script></p>',
    },
    { author: 'Course team', date: '2013-10-28T12:30:00Z', html: '<p>Learn at your own pace.</p>' },
  ];
  serveArchive(server, { posts });
  const rss = { headers: { 'content-type': 'application/rss+xml' } };
  server.route('/forum/latest.rss', serveBody(groupFeed(server.origin, new Date()), rss));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCliCapturing(argv, env);

describe('studyline show, with the email’s responses', () => {
  it('prints the responses under the email, offline, and leaves them out with --no-responses', async () => {
    await cli('follow', 'seq21oct13');
    expect((await cli('sync')).code).toBe(0);
    const emails = JSON.parse(
      (await cli('--json', 'emails', 'seq21oct13')).stdout,
    ) as EmailSummary[];
    const third = emails[2]!.id;
    await server.close(); // everything below reads what was saved

    const shown = await cli('show', third);
    expect(shown.code).toBe(0);
    const after = shown.stdout.slice(shown.stdout.indexOf('2 responses'));
    expect(after).toMatch(/^2 responses\n\n {2}Ana, 2013-10-28\n {4}How do you stay accountable\?/);
    expect(after).toMatch(/ {2}Course team, 2013-10-28\n {4}Learn at your own pace\./);
    expect(shown.stdout).not.toContain('alert');

    const bare = await cli('show', third, '--no-responses');
    expect(bare.stdout).toContain('Week 2: lesson 3');
    expect(bare.stdout).not.toContain('responses');
    expect(bare.stdout).not.toContain('Ana');

    const json = JSON.parse((await cli('--json', 'show', third)).stdout) as Email;
    expect(json.responses?.map((r) => r.author)).toEqual(['Ana', 'Course team']);
    const jsonBare = JSON.parse(
      (await cli('--json', 'show', third, '--no-responses')).stdout,
    ) as Email;
    expect(jsonBare).not.toHaveProperty('responses');
    // An email nobody answered prints no responses heading at all.
    expect((await cli('show', emails[0]!.id)).stdout).not.toMatch(/response/);
  });
});
