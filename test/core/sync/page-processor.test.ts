import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStudylineError } from '../../../electron/core/errors';
import {
  createPageProcessor,
  defaultWorkerEntry,
} from '../../../electron/core/sync/page-processor';
import { processPage, type PageInput } from '../../../electron/core/sync/process-page';
import { makePosts, rssPage } from '../../helpers/wordpress-feed';

const repo = join(import.meta.dirname, '..', '..', '..');
const page = (body: string): PageInput => ({
  body: Buffer.from(body),
  contentType: 'application/rss+xml; charset=UTF-8',
  url: 'http://127.0.0.1:9/category/seq21oct13/feed/',
  kind: 'archive',
});
const feed = page(rssPage(makePosts(10), 'http://127.0.0.1:9'));

describe('page processor', () => {
  let bundleDir: string;
  beforeAll(async () => {
    // The packaged app runs the bundled worker, not the TypeScript source: build it as electron-vite does.
    await mkdir(join(repo, '.tmp'), { recursive: true });
    bundleDir = await mkdtemp(join(repo, '.tmp', 'bundle-'));
    execFileSync('npx', ['electron-vite', 'build', '--outDir', bundleDir], {
      cwd: repo,
      stdio: 'ignore',
    });
  }, 120_000);
  afterAll(async () => {
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('gives the same page in worker threads (bundled and from source) as on this thread', async () => {
    const expected = await processPage(feed);
    expect(expected.items).toHaveLength(10);
    for (const entry of [join(bundleDir, 'main', 'page-worker.js'), defaultWorkerEntry()]) {
      expect(entry && existsSync(entry)).toBe(true);
      const processor = createPageProcessor({ workerEntry: entry, threads: 2 });
      try {
        const pages = await Promise.all([
          processor.run(feed),
          processor.run(feed),
          processor.run(feed),
        ]);
        for (const result of pages) expect(result).toEqual(expected);
      } finally {
        await processor.close();
      }
    }
  });

  it('brings a feed problem back as the same learner-readable error', async () => {
    const processor = createPageProcessor({ workerEntry: defaultWorkerEntry() });
    try {
      const error = await processor
        .run(page('<rss version="2.0"><channel><item><title>cut'))
        .catch((e: unknown) => e);
      expect(isStudylineError(error) && error.code).toBe('parse');
      expect((error as Error).message).toMatch(/damaged/);
    } finally {
      await processor.close();
    }
  });

  it('processes on this thread when there is no worker script', async () => {
    const processor = createPageProcessor({ workerEntry: join(repo, 'no-such-worker.js') });
    expect(await processor.run(feed)).toEqual(await processPage(feed));
  });
});
