import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/core/library/library-store';
import { HttpLayer } from '../../electron/core/sync/http-layer';
import type { PageProcessor } from '../../electron/core/sync/page-processor';
import { syncSources } from '../../electron/core/sync/sync-engine';
import { serveBody, startFeedServer } from '../helpers/feed-server';
import { makePosts } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';
import { round, stats, type Stats } from './stats';

export interface WanBench {
  sync_wan: Stats;
  /** Requests one first sync made (pages, the 404s past the end, pictures). */
  sync_wan_requests: number;
  /** The floor: every request, 6 at a time, each taking one delay. */
  sync_wan_floor_ms: number;
  sync_wan_ratio: number;
  first_email: Stats;
  /** first_email_ms in round trips of the delayed host (target ≤ 2). */
  first_email_round_trips: number;
}

const DELAY_MS = 200;
const EMAILS = 200;
const PER_HOST = 6;

// A 1×1 PNG: what the picture cache accepts, as small as it gets.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * First sync over a distant host: every answer delayed 200 ms; 200 emails in
 * 20 WordPress pages with 2 pictures each. Against the floor the per-host
 * limit allows (requests × 200 ms ÷ 6), and the time to the first stored email.
 */
export async function benchSyncWan(runs: number, processor: PageProcessor): Promise<WanBench> {
  const server = await startFeedServer({ delayMs: DELAY_MS });
  try {
    const posts = makePosts(EMAILS, {
      body: (n, sentLine) =>
        `<p>${sentLine}</p><p>Lesson ${n}.</p><p><img src="${server.url(`/pics/${n}-a.png`)}" alt="Figure ${n}a"></p><p><img src="${server.url(`/pics/${n}-b.png`)}" alt="Figure ${n}b"></p>`,
    });
    const route = serveArchive(server, { posts });
    for (const post of posts) {
      for (const side of ['a', 'b']) {
        server.route(
          `/pics/${post.n}-${side}.png`,
          serveBody(PNG, { headers: { 'content-type': 'image/png' } }),
        );
      }
    }
    const walls: number[] = [];
    const firsts: number[] = [];
    let requests = 0;
    for (let run = 0; run < runs; run++) {
      const dir = await mkdtemp(join(tmpdir(), 'studyline-bench-wan-'));
      try {
        const library = await LibraryStore.open(dir);
        server.requests.length = 0;
        let first = 0;
        const start = performance.now();
        const report = await syncSources([{ id: 'wan', url: route.feedUrl, kind: 'archive' }], {
          library,
          assetsDir: join(dir, 'assets'),
          processor,
          http: new HttpLayer(),
          onProgress: (p) => {
            if (p.phase === 'page' && first === 0) first = performance.now() - start;
          },
        });
        walls.push(performance.now() - start);
        firsts.push(first);
        const [result] = report.results;
        if (result?.status !== 'ok' || result.itemCount !== EMAILS)
          throw new Error(`wan bench: sync did not complete (${result?.status})`);
        requests = server.requests.length;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const wall = stats(walls);
    const first = stats(firsts);
    const floor = (requests * DELAY_MS) / PER_HOST;
    return {
      sync_wan: wall,
      sync_wan_requests: requests,
      sync_wan_floor_ms: round(floor),
      sync_wan_ratio: round(wall.median / floor),
      first_email: first,
      first_email_round_trips: round(first.median / DELAY_MS),
    };
  } finally {
    await server.close();
  }
}
