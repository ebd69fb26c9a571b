import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../electron/core/errors';
import type { SourceMeta } from '../../../electron/core/library/model';
import {
  dripBytes,
  redirectTo,
  serveBody,
  streamBytes,
  type Handler,
} from '../../helpers/feed-server';
import { makePosts, rssPage } from '../../helpers/wordpress-feed';
import {
  archiveOn,
  expectComplete,
  hostOf,
  openBench,
  resultFor,
  startServer,
  type Archive,
  type Bench,
} from './engine-fixtures';

const RSS = { 'content-type': 'application/rss+xml; charset=UTF-8' };

/**
 * A healthy archive (25 emails) and a victim archive (12 emails, on its own
 * server) are synced once; then the victim breaks and a new email appears in
 * the healthy one.
 */
async function syncedPair(): Promise<{ bench: Bench; healthy: Archive; victim: Archive }> {
  const bench = await openBench();
  const healthy = archiveOn(await startServer(), 'seq21oct13', makePosts(25));
  const victim = archiveOn(
    await startServer(),
    'seq4nov13',
    makePosts(12, { firstSentOn: '2013-11-04', seq: 'Seq4Nov13' }),
  );
  const first = await bench.sync([healthy.meta, victim.meta]);
  expect(first.results.map((r) => r.status)).toEqual(['ok', 'ok']);
  healthy.route.setPosts(makePosts(26));
  return { bench, healthy, victim };
}

interface BadCase {
  name: string;
  code: ErrorCode;
  /** What went wrong, in words. */
  says: RegExp;
  /** What the learner can do. */
  advice: RegExp;
  timeoutMs?: number;
  /** Breaks the victim; returns the source as synced next (its address may change). */
  breaks(victim: Archive): SourceMeta | Promise<SourceMeta>;
}

function serving(handler: (victim: Archive) => Handler): BadCase['breaks'] {
  return (victim) => {
    victim.server.route(victim.route.feedPath, handler(victim));
    return victim.meta;
  };
}

const truncated = (victim: Archive) => {
  const xml = rssPage(makePosts(12).slice(0, 10), victim.server.origin);
  return serveBody(xml.slice(0, Math.floor(xml.length / 2)), { headers: RSS });
};

function redirectLoop(victim: Archive): Handler {
  victim.server.route('/moved-a', redirectTo('/moved-b'));
  victim.server.route('/moved-b', redirectTo('/moved-a', 301));
  return redirectTo('/moved-a');
}

const BAD_INPUTS: BadCase[] = [
  {
    name: 'unreachable host (closed port)',
    code: 'unreachable',
    says: /Could not connect/,
    advice: /internet connection|try again later/i,
    breaks: async (victim) => {
      await victim.server.close();
      return victim.meta;
    },
  },
  {
    name: 'DNS failure',
    code: 'dns',
    says: /Could not find the server/,
    advice: /Check the address/,
    breaks: (victim) => ({
      ...victim.meta,
      url: 'http://studyline-victim.invalid/category/seq4nov13/feed/',
    }),
  },
  {
    name: 'a server that drips bytes slowly',
    code: 'timeout',
    says: /took too long to answer/,
    advice: /Try again later/,
    timeoutMs: 1000,
    breaks: serving(() => dripBytes(50)),
  },
  {
    name: '403',
    code: 'http',
    says: /refused access.*\(403\)/,
    advice: /private|block/,
    breaks: serving(() => serveBody('no', { status: 403 })),
  },
  {
    name: '404',
    code: 'http',
    says: /was not found \(404\)/,
    advice: /Check the address/,
    breaks: serving(() => serveBody('gone', { status: 404 })),
  },
  {
    name: '500',
    code: 'http',
    says: /having trouble \(500\)/,
    advice: /Try again later/,
    breaks: serving(() => serveBody('boom', { status: 500 })),
  },
  {
    name: '429 with Retry-After',
    code: 'rate-limited',
    says: /asked Studyline to wait/,
    advice: /will try again after/,
    breaks: serving(() =>
      serveBody('slow down', { status: 429, headers: { 'retry-after': '3600' } }),
    ),
  },
  {
    name: 'redirect loop',
    code: 'too-many-redirects',
    says: /redirects in a loop/,
    advice: /use the final address/,
    breaks: serving(redirectLoop),
  },
  {
    name: 'an HTML page with no feed link',
    code: 'not-a-feed',
    says: /is a web page, not a feed/,
    advice: /RSS, Atom or JSON feed/,
    breaks: serving(() =>
      serveBody(
        '<!doctype html><html><head><title>Seq4Nov13</title></head><body><p>Welcome back!</p></body></html>',
        {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        },
      ),
    ),
  },
  {
    name: 'empty body',
    code: 'empty',
    says: /is empty/,
    advice: /try again later/,
    breaks: serving(() => serveBody('', { headers: RSS })),
  },
  {
    name: 'truncated XML',
    code: 'parse',
    says: /damaged \(it ends too early/,
    advice: /already saved is kept/,
    breaks: serving(truncated),
  },
  {
    name: 'a 50 MB body, streamed without a length',
    code: 'too-large',
    says: /is larger than 20 MB/,
    advice: /points to a feed/,
    breaks: serving(() => streamBytes(50 * 1024 * 1024)),
  },
  {
    name: 'a URL that is not http(s)',
    code: 'bad-url',
    says: /is not a web address/,
    advice: /http:\/\/ or https:\/\//,
    breaks: (victim) => ({ ...victim.meta, url: `ftp://${hostOf(victim.meta.url)}/seq4nov13.xml` }),
  },
];

describe('a source that breaks among healthy ones', () => {
  it.each(BAD_INPUTS)(
    '$name: a clear message for that source, everything saved kept',
    async (bad) => {
      const { bench, healthy, victim } = await syncedPair();
      const before = await bench.onDisk(victim.meta.id);
      const meta = await bad.breaks(victim);

      const report = await bench.sync([healthy.meta, meta], { timeoutMs: bad.timeoutMs });

      const broken = resultFor(report, victim.meta.id);
      expect(broken).toMatchObject({ status: 'error', errorCode: bad.code });
      expect(broken.error).toContain(hostOf(meta.url));
      expect(broken.error).toMatch(bad.says);
      expect(broken.error).toMatch(bad.advice);
      expect(bench.progress).toContainEqual(
        expect.objectContaining({
          sourceId: victim.meta.id,
          phase: 'error',
          message: broken.error,
        }),
      );
      expect(report).toMatchObject({ ok: false, offline: false, cancelled: false });

      const kept = await bench.onDisk(victim.meta.id);
      expect(kept?.items).toEqual(before?.items);
      expect(kept?.source).toMatchObject({ fullHistory: true, lastError: broken.error });

      expect(resultFor(report, healthy.meta.id)).toMatchObject({ status: 'ok', newItems: 1 });
      await expectComplete(bench, healthy, 26);
    },
  );

  it('skips a rate-limited source until its Retry-After, without asking its server', async () => {
    const { bench, healthy, victim } = await syncedPair();
    victim.server.route(
      victim.route.feedPath,
      serveBody('slow down', { status: 429, headers: { 'retry-after': '3600' } }),
    );
    await bench.sync([healthy.meta, victim.meta]);
    const asked = victim.server.requests.length;

    const later = await bench.sync([healthy.meta, victim.meta]);

    expect(resultFor(later, victim.meta.id)).toMatchObject({ status: 'skipped', itemCount: 12 });
    expect(resultFor(later, victim.meta.id).error).toMatch(
      /asked us to wait until .*skipped for now/,
    );
    expect(victim.server.requests).toHaveLength(asked);
    expect((await bench.onDisk(victim.meta.id))?.items).toHaveLength(12);
    expect(later.offline).toBe(false);
  });

  it('never downloads the rest of a 50 MB body once past the cap', async () => {
    const { bench, healthy, victim } = await syncedPair();
    let finished: boolean | undefined;
    const stream = streamBytes(50 * 1024 * 1024);
    victim.server.route(victim.route.feedPath, (req, res) => {
      res.on('close', () => (finished = res.writableFinished));
      stream(req, res);
    });
    await bench.sync([healthy.meta, victim.meta]);
    await expect.poll(() => finished).toBe(false);
  });
});
