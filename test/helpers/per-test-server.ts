import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startFeedServer, type FeedServer } from './feed-server';

export interface PerTestServer {
  /** This test's loopback feed server. */
  readonly server: FeedServer;
  /** This test's empty folder (pictures, data). */
  readonly dir: string;
}

/**
 * A fresh loopback feed server and an empty folder for every test of the
 * calling file, closed and removed after each: no test sees another's
 * routes, requests or files.
 */
export function serverAndFolderPerTest(prefix: string): PerTestServer {
  let server: FeedServer | undefined;
  let dir: string | undefined;
  beforeEach(async () => {
    server = await startFeedServer();
    dir = await mkdtemp(join(tmpdir(), `studyline-${prefix}-`));
  });
  afterEach(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    server = dir = undefined;
  });
  const outside = () => new Error('serverAndFolderPerTest: used outside a test');
  return {
    get server() {
      if (!server) throw outside();
      return server;
    },
    get dir() {
      if (!dir) throw outside();
      return dir;
    },
  };
}
