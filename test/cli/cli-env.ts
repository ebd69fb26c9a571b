import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../electron/cli/run';
import { serveBody, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `studyline <argv>` in this process with `env` (and a stand-in file system), keeping what it prints. */
export async function runCliCapturing(
  argv: string[],
  env: NodeJS.ProcessEnv,
  fs?: CliIo['fs'],
): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, fs };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export interface CliEnv {
  server: FeedServer;
  dir: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  cli(...argv: string[]): Promise<CliOutcome>;
  /** Like cli(), over another file system (a full or read-only disk). */
  cliWith(fs: CliIo['fs'], ...argv: string[]): Promise<CliOutcome>;
  close(): Promise<void>;
}

/** A loopback course archive of `posts` emails with a study group, a catalog naming it, a data folder. */
export async function startCliEnv(posts = 25): Promise<CliEnv> {
  const server = await startFeedServer();
  const dir = await mkdtemp(join(tmpdir(), 'studyline-cli-'));
  const dataDir = join(dir, 'data');
  const env = {
    STUDYLINE_DATA: dataDir,
    STUDYLINE_CATALOG: await writeLoopbackCatalog(dir, server.origin),
  };
  serveArchive(server, { posts: makePosts(posts) });
  server.route(
    '/forum/latest.rss',
    serveBody(groupFeed(server.origin, new Date()), {
      headers: { 'content-type': 'application/rss+xml' },
    }),
  );
  const cliWith = (fs: CliIo['fs'], ...argv: string[]) => runCliCapturing(argv, env, fs);
  return {
    server,
    dir,
    dataDir,
    env,
    cli: (...argv) => cliWith(undefined, ...argv),
    cliWith,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
