import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineError } from '../../../electron/core/errors';
import { HttpLayer } from '../../../electron/core/sync/http-layer';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

/**
 * Holds each request until `expected` are held at once (then a little
 * longer, so a request over the limit would show), or a second has passed;
 * counts how many the server holds at once, per host and overall.
 */
function heldRoute(path: string, expected: number) {
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  let held: (() => void)[] = [];
  let overall = 0;
  let overallPeak = 0;
  const releaseAll = () => {
    const now = held;
    held = [];
    now.forEach((release) => release());
  };
  server.route(path, (req, res) => {
    const host = req.headers.host ?? '';
    open.set(host, (open.get(host) ?? 0) + 1);
    peak.set(host, Math.max(peak.get(host) ?? 0, open.get(host)!));
    overallPeak = Math.max(overallPeak, ++overall);
    const release = () => {
      clearTimeout(fallback);
      open.set(host, open.get(host)! - 1);
      overall -= 1;
      serveBody('ok')(req, res);
    };
    const fallback = setTimeout(release, 1000);
    held.push(release);
    if (overall >= expected) setTimeout(releaseAll, 60);
  });
  return { peak, overallPeak: () => overallPeak };
}

describe('HttpLayer limits', () => {
  it('keeps at most 6 requests in flight to one host, however many are asked for', async () => {
    const route = heldRoute('/pic', 6);
    const layer = new HttpLayer();
    const urls = Array.from({ length: 30 }, (_, i) => server.url(`/pic?n=${i}`));
    const results = await Promise.all(urls.map((url) => layer.fetch(url)));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(route.peak.get(`127.0.0.1:${server.port}`)).toBe(6);
  });

  it('gives each host its own 6, and caps all hosts together at the global limit', async () => {
    const urls = [server.origin, `http://localhost:${server.port}`].flatMap((origin) =>
      Array.from({ length: 12 }, (_, i) => `${origin}/pic?n=${i}`),
    );
    const both = heldRoute('/pic', 12);
    const shared = new HttpLayer({ global: 16 });
    await Promise.all(urls.map((url) => shared.fetch(url)));
    expect(both.peak.get(`127.0.0.1:${server.port}`)).toBe(6);
    expect(both.peak.get(`localhost:${server.port}`)).toBe(6);
    expect(both.overallPeak()).toBe(12);

    const narrow = heldRoute('/pic', 4);
    const capped = new HttpLayer({ global: 4 });
    await Promise.all(urls.map((url) => capped.fetch(url)));
    expect(narrow.overallPeak()).toBe(4);
  });
});

describe('HttpLayer: one slow-down policy per host', () => {
  it('pauses every request to a host that answered 429, with a doubling wait when it names no time', async () => {
    const arrivals: number[] = [];
    let refusals = 2;
    server.route('/feed', (req, res) => {
      arrivals.push(Date.now());
      if (refusals-- > 0) serveBody('slow down', { status: 429 })(req, res);
      else serveBody('ok')(req, res);
    });
    const layer = new HttpLayer({ backoffBaseMs: 150 });
    const result = await layer.fetch(server.url('/feed'));
    expect(result.status).toBe('ok');
    expect(arrivals).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = arrivals;
    expect(second - first).toBeGreaterThanOrEqual(140);
    expect(third - second).toBeGreaterThanOrEqual(290);
  });

  it('holds the other requests to that host too, and leaves other hosts alone', async () => {
    const seen: { path: string; at: number }[] = [];
    let limited = false;
    server.route('/a', (req, res) => {
      seen.push({ path: req.url ?? '', at: Date.now() });
      if (!limited) {
        limited = true;
        return serveBody('wait', { status: 429, headers: { 'retry-after': '1' } })(req, res);
      }
      serveBody('ok')(req, res);
    });
    const layer = new HttpLayer();
    const start = Date.now();
    const first = layer.fetch(server.url('/a?n=1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await layer.fetch(`http://localhost:${server.port}/a?n=other`);
    expect(other.status).toBe('ok');
    const second = layer.fetch(server.url('/a?n=2'));
    await Promise.all([first, second]);
    const sameHostAfter = seen.filter((r) => r.path !== '/a?n=other').slice(1);
    expect(sameHostAfter.every((r) => r.at - start >= 950)).toBe(true);
    expect(seen.find((r) => r.path === '/a?n=other')!.at - start).toBeLessThan(900);
  });

  it('fails fast, with the time to come back, while a host asked for a long wait', async () => {
    server.route('/feed', serveBody('later', { status: 503, headers: { 'retry-after': '3600' } }));
    const layer = new HttpLayer();
    const first = (await layer
      .fetch(server.url('/feed'))
      .catch((e: unknown) => e)) as StudylineError;
    expect(first.code).toBe('rate-limited');
    const again = (await layer
      .fetch(server.url('/feed?paged=2'))
      .catch((e: unknown) => e)) as StudylineError;
    expect(again.code).toBe('rate-limited');
    expect(again.retryAt).toBe(first.retryAt);
    expect(again.hint).toMatch(/try again after/);
    expect(server.requests).toHaveLength(1);
    expect(layer.blockedUntil(server.url('/x'))).toBe(first.retryAt);
  });
});

describe('HttpLayer: connections the server closed', () => {
  it('sends a GET once more when its kept-alive connection was closed under it', async () => {
    let calls = 0;
    server.route('/feed', (req, res) => {
      calls += 1;
      if (calls === 1) return req.socket.destroy();
      serveBody('ok')(req, res);
    });
    const result = await new HttpLayer().fetch(server.url('/feed'));
    expect(result.status).toBe('ok');
    expect(calls).toBe(2);
  });

  it('does not insist when the host keeps dropping the connection', async () => {
    server.route('/feed', (req) => req.socket.destroy());
    const error = (await new HttpLayer()
      .fetch(server.url('/feed'))
      .catch((e: unknown) => e)) as StudylineError;
    expect(error.code).toBe('unreachable');
    expect(server.requests).toHaveLength(2);
  });
});
