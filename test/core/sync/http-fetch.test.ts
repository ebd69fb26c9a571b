import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineError } from '../../../electron/core/errors';
import type { FetchOptions } from '../../../electron/core/sync/http-fetch';
import { HttpLayer } from '../../../electron/core/sync/http-layer';
import type { FeedServer } from '../../helpers/feed-server';
import {
  dripBytes,
  redirectTo,
  serveBody,
  serveGzip,
  startFeedServer,
  streamBytes,
} from '../../helpers/feed-server';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Seq</title></channel></rss>';

let server: FeedServer;
// A layer of its own per test: a host told to wait in one test must not wait in the next.
let layer: HttpLayer;
const fetchResource = (url: string, options?: FetchOptions) => layer.fetch(url, options);
beforeEach(async () => {
  server = await startFeedServer();
  layer = new HttpLayer();
});
afterEach(async () => {
  await server.close();
});

async function failure(url: string, options?: FetchOptions): Promise<StudylineError> {
  try {
    await fetchResource(url, options);
  } catch (error) {
    return error as StudylineError;
  }
  throw new Error(`expected ${url} to fail`);
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('fetchResource: answers', () => {
  it('returns the body with its content type and validators', async () => {
    server.route(
      '/feed/',
      serveBody(FEED, {
        headers: {
          'content-type': 'application/rss+xml; charset=UTF-8',
          etag: '"v1"',
          'last-modified': 'Mon, 14 Oct 2013 10:00:00 GMT',
        },
      }),
    );
    const result = await fetchResource(server.url('/feed/'));
    expect(result).toMatchObject({
      status: 'ok',
      url: server.url('/feed/'),
      contentType: 'application/rss+xml; charset=UTF-8',
      etag: '"v1"',
      lastModified: 'Mon, 14 Oct 2013 10:00:00 GMT',
    });
    expect(result.status === 'ok' && result.body.toString('utf8')).toBe(FEED);
  });

  it('sends a real User-Agent, an Accept for feeds and Accept-Encoding', async () => {
    server.route('/feed/', serveBody(FEED));
    await fetchResource(server.url('/feed/'));
    const [request] = server.requests;
    expect(request?.headers['user-agent']).toMatch(
      /^Studyline\/\d+\.\d+\.\d+ \(desktop study companion; \+https:\/\/github\.com\/studyline\)$/,
    );
    expect(request?.headers.accept).toContain('application/rss+xml');
    expect(request?.headers['accept-encoding']).toContain('gzip');
  });

  it('decodes a gzip body', async () => {
    server.route('/feed/', serveGzip(FEED));
    const result = await fetchResource(server.url('/feed/'));
    expect(result.status === 'ok' && result.body.toString('utf8')).toBe(FEED);
  });

  it('returns an empty 200 body as ok with an empty buffer', async () => {
    server.route('/empty', serveBody(''));
    const result = await fetchResource(server.url('/empty'));
    expect(result.status === 'ok' && result.body.length).toBe(0);
  });

  it('sends If-None-Match and If-Modified-Since and reports 304 as not-modified', async () => {
    server.route('/feed/', serveBody('', { status: 304, headers: { etag: '"v2"' } }));
    const lastModified = 'Mon, 14 Oct 2013 10:00:00 GMT';
    const result = await fetchResource(server.url('/feed/'), { etag: '"v1"', lastModified });
    expect(result).toEqual({
      status: 'not-modified',
      url: server.url('/feed/'),
      etag: '"v2"',
      lastModified,
    });
    expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0]?.headers['if-modified-since']).toBe(lastModified);
  });
});

describe('fetchResource: HTTP errors', () => {
  it.each([
    [404, /was not found/],
    [403, /refused access/],
    [500, /is having trouble/],
  ])('explains a %i to the learner, naming the address', async (status, sentence) => {
    server.route('/feed/', serveBody('nope', { status }));
    const error = await failure(server.url('/feed/'));
    expect(error.code).toBe('http');
    expect(error.httpStatus).toBe(status);
    expect(error.message).toMatch(sentence);
    expect(error.message).toContain('127.0.0.1');
  });

  it('waits a short Retry-After, then retries', async () => {
    let calls = 0;
    server.route('/feed/', (req, res) => {
      calls += 1;
      if (calls === 1)
        serveBody('slow down', { status: 429, headers: { 'retry-after': '0' } })(req, res);
      else serveBody(FEED)(req, res);
    });
    const result = await fetchResource(server.url('/feed/'));
    expect(result.status).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with rate-limited and a retry time when Retry-After is long', async () => {
    server.route('/feed/', serveBody('later', { status: 503, headers: { 'retry-after': '3600' } }));
    const before = Date.now();
    const error = await failure(server.url('/feed/'));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(server.requests).toHaveLength(1);
  });

  it('understands a Retry-After given as an HTTP date', async () => {
    const when = new Date(Date.now() + 2 * 3_600_000);
    server.route(
      '/feed/',
      serveBody('later', { status: 429, headers: { 'retry-after': when.toUTCString() } }),
    );
    const error = await failure(server.url('/feed/'));
    expect(error.code).toBe('rate-limited');
    expect(Math.abs((error.retryAt ?? 0) - when.getTime())).toBeLessThan(1000);
  });

  it("uses Reddit's x-ratelimit-reset when a 429 has no Retry-After", async () => {
    server.route(
      '/r/learnpython/.rss',
      serveBody('', { status: 429, headers: { 'x-ratelimit-reset': '600' } }),
    );
    const before = Date.now();
    const error = await failure(server.url('/r/learnpython/.rss'));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 600_000);
  });

  it('treats a 503 without Retry-After as a server in trouble', async () => {
    server.route('/feed/', serveBody('down', { status: 503 }));
    const error = await failure(server.url('/feed/'));
    expect(error.code).toBe('http');
    expect(error.message).toMatch(/is having trouble/);
  });

  it('does not retry forever when the server keeps asking to wait', async () => {
    server.route('/feed/', serveBody('again', { status: 429, headers: { 'retry-after': '0' } }));
    const error = await failure(server.url('/feed/'));
    expect(error.code).toBe('rate-limited');
    expect(server.requests).toHaveLength(3);
  });
});

describe('fetchResource: redirects', () => {
  it('follows a chain of redirects and reports the final address', async () => {
    server.route('/a', redirectTo('/b', 301));
    server.route('/b', redirectTo(server.url('/c'), 307));
    server.route('/c', serveBody(FEED));
    const result = await fetchResource(server.url('/a'));
    expect(result.status === 'ok' && result.url).toBe(server.url('/c'));
  });

  it('stops a redirect loop', async () => {
    server.route('/a', redirectTo('/b'));
    server.route('/b', redirectTo('/a'));
    const error = await failure(server.url('/a'));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toMatch(/loop/);
  });

  it('allows 5 redirects but not 6', async () => {
    for (let i = 0; i < 6; i++) server.route(`/r${i}`, redirectTo(`/r${i + 1}`));
    server.route('/r6', serveBody(FEED));
    expect((await fetchResource(server.url('/r1'))).status).toBe('ok');
    expect((await failure(server.url('/r0'))).code).toBe('too-many-redirects');
  });

  it('refuses a redirect to a non-web scheme', async () => {
    server.route('/a', redirectTo('file:///etc/passwd'));
    const error = await failure(server.url('/a'));
    expect(error.code).toBe('bad-url');
    expect(error.message).toContain('file:///etc/passwd');
  });
});

describe('fetchResource: limits and broken connections', () => {
  it('times out a server that drips bytes slowly', async () => {
    server.route('/slow', dripBytes(50));
    const error = await failure(server.url('/slow'), { timeoutMs: 300 });
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('took too long');
  });

  it('refuses a 50 MB body streamed without Content-Length', async () => {
    const sendHuge = streamBytes(50 * 1024 * 1024);
    let sentEverything: Promise<boolean> | undefined;
    server.route('/huge', (req, res) => {
      sentEverything = new Promise((resolve) =>
        res.on('close', () => resolve(res.writableFinished)),
      );
      sendHuge(req, res);
    });
    const error = await failure(server.url('/huge'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('larger than 20 MB');
    // The download was cut short: the server never got to write the whole body.
    expect(await sentEverything).toBe(false);
  });

  it('applies the cap to the decompressed size', async () => {
    server.route('/bomb', serveGzip(Buffer.alloc(2 * 1024 * 1024)));
    const error = await failure(server.url('/bomb'), { maxBytes: 1024 * 1024 });
    expect(error.code).toBe('too-large');
  });

  it('rejects an announced Content-Length over the cap before reading the body', async () => {
    server.route('/big', streamBytes(5 * 1024 * 1024, { declareLength: true }));
    const error = await failure(server.url('/big'), { maxBytes: 1024 * 1024 });
    expect(error.code).toBe('too-large');
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const error = await failure(`http://127.0.0.1:${port}/feed/`);
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  it('reports an unknown host as a DNS failure', async () => {
    const error = await failure('http://studyline-test.invalid/feed/');
    expect(error.code).toBe('dns');
    expect(error.message).toBe('Could not find the server studyline-test.invalid.');
    expect(error.hint).toMatch(/Check the address or your connection/);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.org/feed', 'not a url', ''])(
    'refuses %j as a bad address',
    async (url) => {
      const error = await failure(url);
      expect(error.code).toBe('bad-url');
    },
  );

  it('stops when the learner cancels', async () => {
    server.route('/slow', dripBytes(50));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(server.url('/slow'), { signal: controller.signal });
    expect(error.code).toBe('cancelled');
  });

  it('cancels a pending Retry-After wait', async () => {
    const controller = new AbortController();
    server.route('/feed/', (req, res) => {
      serveBody('later', { status: 429, headers: { 'retry-after': '20' } })(req, res);
      // The learner cancels while Studyline waits out the 20 seconds.
      setTimeout(() => controller.abort(), 100);
    });
    const error = await failure(server.url('/feed/'), { signal: controller.signal });
    expect(error.code).toBe('cancelled');
    expect(server.requests).toHaveLength(1);
  });
});
