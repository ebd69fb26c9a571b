import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapturing } from './cli-env';
import { serveBody, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';

let server: FeedServer;
let dir: string;
let shared: string;
let catalog: string;

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-share-cli-'));
  shared = join(dir, 'Dropbox', 'Studyline');
  await mkdir(shared, { recursive: true });
  catalog = await writeLoopbackCatalog(dir, server.origin);
  serveArchive(server, { posts: makePosts(5) });
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

/** The CLI on one of the learner's computers (its own data folder). */
function on(computer: string) {
  const env = { STUDYLINE_DATA: join(dir, computer), STUDYLINE_CATALOG: catalog };
  return (...argv: string[]) => runCliCapturing(argv, env);
}

describe('studyline share', () => {
  it('keeps two computers in step through the shared folder', async () => {
    const laptop = on('laptop');
    const desktop = on('desktop');
    await laptop('follow', 'seq21oct13');
    await laptop('sync');
    const emails = JSON.parse((await laptop('--json', 'emails', 'seq21oct13')).stdout) as {
      id: string;
    }[];
    const [first, second] = emails.map((e) => e.id);
    await laptop('done', first!);

    const started = await laptop('share', shared);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`Sharing your progress through ${shared}`);
    expect(started.stdout).toContain('no other computer has joined yet');

    const joined = await desktop('share', shared);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/In step with 1 other computer · last change/);
    // The course came with the progress; the emails themselves each computer syncs on its own.
    expect((await desktop('sync')).code).toBe(0);
    expect((await desktop('status', '--course', 'seq21oct13')).stdout).toMatch(/1\/5 done/);

    await desktop('note', second!, 'Ask the group about slicing');
    await desktop('undone', first!);
    await laptop('share');
    const shown = JSON.parse((await laptop('--json', 'show', second!)).stdout) as { note?: string };
    expect(shown.note).toBe('Ask the group about slicing');
    expect((await laptop('status', '--course', 'seq21oct13')).stdout).toMatch(/0\/5 done/);
    expect((await readdir(shared)).filter((n) => n.endsWith('.log'))).toHaveLength(2);
  });

  it('stops on --off, and refuses a folder that is not there with exit 1', async () => {
    const laptop = on('laptop');
    const missing = await laptop('share', join(dir, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no folder');
    await laptop('share', shared);
    const off = await laptop('share', '--off');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Your progress stays on this computer.');
    expect(off.stdout).toContain('stays in the folder');
    expect(JSON.parse((await laptop('--json', 'share')).stdout)).toMatchObject({ on: false });
  });

  it('refuses an empty folder name as a usage error, and shares nothing', async () => {
    const laptop = on('laptop');
    const empty = await laptop('share', ' ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('"share" needs a folder name');
    expect(JSON.parse((await laptop('--json', 'share')).stdout)).toMatchObject({ on: false });
  });

  it('exits 1 and says so in plain words when the shared folder has gone', async () => {
    const laptop = on('laptop');
    await laptop('share', shared);
    await rm(shared, { recursive: true });
    const gone = await laptop('share');
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(/is not there\. Is its drive connected/);
  });
});
