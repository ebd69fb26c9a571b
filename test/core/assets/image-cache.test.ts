import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../../../electron/core/assets/asset-path';
import { HttpLayer } from '../../../electron/core/sync/http-layer';
import { cacheImages, findImageUrls } from '../../../electron/core/assets/image-cache';
import { rewriteImageSources } from '../../../electron/core/assets/rewrite-images';
import { serveBody } from '../../helpers/feed-server';
import { serverAndFolderPerTest } from '../../helpers/per-test-server';
import { GIF, JPEG_HEAD, PNG, pngOfSize, SVG } from './fixtures';
import { textMatching } from '../../helpers/matchers';

const env = serverAndFolderPerTest('assets');

const img = (path: string) => `<img src="${env.server.url(path)}" alt="picture">`;
const png = (body: Buffer = PNG) => serveBody(body, { headers: { 'content-type': 'image/png' } });

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('cacheImages', () => {
  it('keeps an email readable offline with its pictures', async () => {
    env.server.route('/a.png', png());
    env.server.route('/b.gif', serveBody(GIF, { headers: { 'content-type': 'image/gif' } }));
    const html = `<p>Week 1</p>${img('/a.png')}<img src="data:image/png;base64,AAAA">${img('/b.gif')}`;

    const { images, failures } = await cacheImages(html, { assetsDir: env.dir });
    await env.server.close();

    expect(failures).toEqual([]);
    expect(images.map((image) => image.url)).toEqual([
      env.server.url('/a.png'),
      env.server.url('/b.gif'),
    ]);
    expect(images[0]?.file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.png$/);
    expect(images[1]?.file).toMatch(/\.gif$/);
    const offline = rewriteImageSources(html, images, (file) => `studyline-asset://assets/${file}`);
    const served = [...offline.matchAll(/studyline-asset:\/\/assets\/([^"]+)/g)].map(
      (m) => m[1] ?? '',
    );
    expect(served).toHaveLength(2);
    const bytes = await Promise.all(
      served.map((file) => readFile(resolveAssetPath(env.dir, file) ?? '')),
    );
    expect(bytes).toEqual([PNG, GIF]);
  });

  it('downloads a picture used twice only once', async () => {
    env.server.route('/a.png', png());
    const html = `${img('/a.png')}<p>again</p>${img('/a.png')}`;
    const { images } = await cacheImages(html, { assetsDir: env.dir });
    expect(images).toHaveLength(1);
    expect(env.server.requestsTo('/a.png')).toHaveLength(1);
  });

  it('does not download again what is already cached', async () => {
    env.server.route('/a.png', png());
    env.server.route('/b.gif', serveBody(GIF, { headers: { 'content-type': 'image/gif' } }));
    const html = img('/a.png') + img('/b.gif');
    const first = await cacheImages(html, { assetsDir: env.dir });
    const second = await cacheImages(html, { assetsDir: env.dir });
    expect(second.images).toEqual(first.images);
    expect(env.server.requests).toHaveLength(2);
  });

  it('skips a huge picture and keeps the others', async () => {
    env.server.route('/huge.png', png(pngOfSize(64 * 1024)));
    env.server.route('/small.png', png());
    const html = img('/huge.png') + img('/small.png');
    const { images, failures } = await cacheImages(html, {
      assetsDir: env.dir,
      maxImageBytes: 16 * 1024,
    });
    expect(images.map((image) => image.url)).toEqual([env.server.url('/small.png')]);
    // Trying again cannot make it smaller: given up at once (permanent).
    expect(failures).toEqual([
      {
        url: env.server.url('/huge.png'),
        reason: textMatching(/larger than 16 KB/),
        permanent: true,
      },
    ]);
    expect(await allFiles(env.dir)).toHaveLength(1);
  });

  it('stops downloading once the email reaches its total size limit', async () => {
    for (const name of ['a', 'b', 'c']) env.server.route(`/${name}.png`, png(pngOfSize(10_000)));
    const html = img('/a.png') + img('/b.png') + img('/c.png');
    const { images, failures } = await cacheImages(html, {
      assetsDir: env.dir,
      maxTotalBytes: 25_000,
    });
    expect(images).toHaveLength(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.reason).toMatch(/over .* in total/);
  });

  it('refuses what is not a raster picture, SVG included', async () => {
    env.server.route(
      '/page',
      serveBody('<html>not a picture</html>', { headers: { 'content-type': 'text/html' } }),
    );
    env.server.route(
      '/drawing.svg',
      serveBody(SVG, { headers: { 'content-type': 'image/svg+xml' } }),
    );
    env.server.route('/sneaky.png', serveBody(SVG, { headers: { 'content-type': 'image/png' } }));
    const html = img('/page') + img('/drawing.svg') + img('/sneaky.png');
    const { images, failures } = await cacheImages(html, { assetsDir: env.dir });
    expect(images).toEqual([]);
    expect(failures.map((failure) => failure.reason)).toEqual([
      textMatching(/not a picture \(the server says text\/html\)/),
      textMatching(/SVG/),
      textMatching(/SVG/),
    ]);
    expect(await allFiles(env.dir)).toEqual([]);
  });

  it('names the file after what the picture really is, not its label', async () => {
    env.server.route('/photo', serveBody(PNG, { headers: { 'content-type': 'image/jpeg' } }));
    env.server.route(
      '/unlabelled',
      serveBody(JPEG_HEAD, { headers: { 'content-type': 'application/octet-stream' } }),
    );
    const { images } = await cacheImages(img('/photo') + img('/unlabelled'), {
      assetsDir: env.dir,
    });
    expect(images.map((image) => image.file.split('.')[1])).toEqual(['png', 'jpg']);
  });

  it('never fails the email for a broken picture', async () => {
    env.server.route('/ok.png', png());
    const html =
      img('/missing.png') + img('/ok.png') + '<img src="http://studyline-test.invalid/x.png">';
    const { images, failures } = await cacheImages(html, { assetsDir: env.dir });
    expect(images.map((image) => image.url)).toEqual([env.server.url('/ok.png')]);
    expect(failures.map((failure) => failure.reason)).toEqual([
      textMatching(/was not found/),
      textMatching(/Could not find the server studyline-test\.invalid/),
    ]);
  });

  it('downloads at most 6 pictures at a time from one host (the HTTP layer’s limit)', async () => {
    let inFlight = 0;
    let peak = 0;
    let held: (() => void)[] = [];
    // Each answer waits until 6 are waiting (a moment more, so a 7th would show) or 1 s passed.
    env.server.route('/slow.png', (req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const answer = () => {
        clearTimeout(fallback);
        inFlight -= 1;
        png()(req, res);
      };
      const fallback = setTimeout(answer, 1000);
      held.push(answer);
      if (held.length === 6) {
        const batch = held;
        held = [];
        setTimeout(() => batch.forEach((release) => release()), 60);
      }
    });
    const html = Array.from({ length: 14 }, (_, i) => img(`/slow.png?n=${i}`)).join('');
    const { images } = await cacheImages(html, { assetsDir: env.dir, http: new HttpLayer() });
    expect(images).toHaveLength(14);
    expect(peak).toBe(6);
  });

  it('stops when the learner cancels', async () => {
    env.server.route('/never.png', () => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      cacheImages(img('/never.png'), { assetsDir: env.dir, signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

describe('findImageUrls', () => {
  it('lists the web addresses of img tags, deduplicated, in order', () => {
    const html = [
      '<p><a href="https://example.org/page.png">link, not a picture</a></p>',
      '<IMG SRC="https://example.org/b.png">',
      '<img alt="a > b" src=\'https://example.org/a.gif\'>',
      '<img src=https://example.org/c.jpg width=10>',
      '<img src="https://example.org/q?x=1&amp;y=2">',
      '<img src="https://example.org/b.png" alt="again">',
      '<img src="data:image/png;base64,AAAA"><img src="cid:part1"><img src="javascript:alert(1)">',
      '<img src="/relative.png"><img alt="no source">',
    ].join('');
    expect(findImageUrls(html)).toEqual([
      'https://example.org/b.png',
      'https://example.org/a.gif',
      'https://example.org/c.jpg',
      'https://example.org/q?x=1&y=2',
    ]);
  });

  it('finds nothing in an email without pictures', () => {
    expect(findImageUrls('<p>Read chapter 2 <imgur>not a tag</imgur></p>')).toEqual([]);
  });
});
