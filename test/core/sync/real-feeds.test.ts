import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFeed } from '../../../electron/core/app/follow-url';
import { isStudylineError } from '../../../electron/core/errors';
import { inSequenceOrder } from '../../../electron/core/library/item-order';
import type { SourceKind } from '../../../electron/shared/types';
import { HttpLayer } from '../../../electron/core/sync/http-layer';
import { syncSource } from '../../../electron/core/sync/sync-source';
import { serveBody } from '../../helpers/feed-server';
import { serverAndFolderPerTest } from '../../helpers/per-test-server';

/**
 * Classes of real-world feeds that other readers' test suites hold and that
 * Studyline read wrongly; each fixture here is our own, made to reproduce one.
 */
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures', 'real-feeds', name));

const env = serverAndFolderPerTest('real');

async function sync(name: string, contentType: string, kind: SourceKind = 'group') {
  env.server.route(
    `/${name}`,
    serveBody(fixture(name), { headers: { 'content-type': contentType } }),
  );
  const { file, result } = await syncSource(
    { id: 'real', url: env.server.url(`/${name}`), kind },
    undefined,
    {
      fetch: { timeoutMs: 5000 },
      http: new HttpLayer(),
      assetsDir: env.dir,
      now: () => new Date('2026-11-30T09:00:00Z'),
      onProgress: () => {},
    },
  );
  expect(result.error).toBeUndefined();
  return file;
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe('real feeds, read as feedparser reads them', () => {
  it('reads a JSON Feed whose version has PHP-escaped slashes, its titles as plain text', async () => {
    const file = await sync('jsonfeed-php.json', 'application/json');
    expect(file.source.title).toBe('Notes from the <b>study</b> group');
    expect(titles(file.items)).toEqual(['Die Rückkehr von <i> und <b>', 'Week 1 & why it matters']);
    expect(file.items[1]?.html).toBe('<p>Plain text body.</p><p>Second paragraph.</p>');
  });

  it('takes application/feed+json as a strong hint, also when following an address', async () => {
    const unversioned = JSON.stringify({
      title: 'No version field',
      items: [{ id: '1', title: 'Only item', content_text: 'Hi' }],
    });
    env.server.route(
      '/feed.json',
      serveBody(unversioned, { headers: { 'content-type': 'application/feed+json' } }),
    );
    const followed = await resolveFeed(env.server.url('/feed.json'), { http: new HttpLayer() });
    expect(followed).toMatchObject({
      feedUrl: env.server.url('/feed.json'),
      title: 'No version field',
    });
  });

  it('reads Atom whose elements carry a prefix of their own (<a:feed>, <p0:entry>)', async () => {
    const root = await sync('atom-prefixed-root.xml', 'application/xml');
    expect(root.source.title).toBe('Prefixed study notes');
    expect(titles(root.items)).toEqual(['Loops, at last', 'Variables']);
    expect(root.items[0]?.html).toContain('<em>and</em>');
    expect(root.items[0]?.link).toBe('https://prefixed.example.org/loops');

    const mixed = await sync('atom-prefixed-entries.xml', 'application/atom+xml');
    expect(titles(mixed.items)).toEqual(['First prefixed entry', 'Plain entry']);
    // Text that merely mentions a prefixed tag is left alone.
    expect(mixed.items[0]?.html).toContain('&lt;p0:entry&gt;');
    expect(mixed.items[1]?.html).toContain('&lt;p0:title&gt;');
  });

  it('reads a date without a zone as UTC, whatever the machine’s zone', async () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        const file = await sync('zoneless-dates.xml', 'application/rss+xml');
        const dates = Object.fromEntries(file.items.map((i) => [i.title, i.publishedAt]));
        expect(dates, zone).toEqual({
          'Slash date': '2020-01-10T14:33:00.000Z',
          'RFC date without zone': '2020-01-09T08:05:00.000Z',
          'Month name, no time': '2020-01-08T00:00:00.000Z',
          'With an offset': '2020-01-07T13:05:00.000Z',
        });
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads UTF-8 bytes as UTF-8 even when the XML prolog says ISO-8859-1', async () => {
    const file = await sync('utf8-said-latin1.xml', 'text/xml');
    expect(file.source.title).toBe('Café des études');
    expect(file.items[0]?.title).toBe('Déjà vu: the café reopens');
    expect(file.items[0]?.html).toContain('Crème brûlée');
    expect(file.items[0]?.html).toContain('€ 2 coffee');
  });

  it('takes titles and bodies from Media RSS (media:group, media:content)', async () => {
    const file = await sync('media-rss.xml', 'application/atom+xml');
    expect(titles(file.items)).toEqual(['Lecture 3: functions', 'Lecture 2: loops']);
    expect(file.items[0]?.html).toMatch(/^<p>Functions take arguments\.<br ?\/?>Return values/);
    expect(file.items[0]?.html).toContain('<p>Exercises are in the notes.</p>');
    expect(file.items[1]?.html).toBe('<p>Loops <b>repeat</b> work.</p>');
  });

  it('keeps the order of undated entries, names untitled ones by their text, dates none "today"', async () => {
    const file = await sync('undated-untitled.xml', 'application/rss+xml', 'archive');
    expect(titles(inSequenceOrder(file.items))).toEqual([
      'Apples (the first email)',
      'Middle of the course',
      'Hello again! This week we write functions that return…',
      'Zebra crossing (newest)',
    ]);
    expect(file.items.every((item) => item.sentAt === undefined)).toBe(true);
  });

  it('says where an unclosed element opened, not where the parser noticed', async () => {
    env.server.route(
      '/broken.xml',
      serveBody(fixture('unclosed-element.xml'), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    const error = await resolveFeed(env.server.url('/broken.xml'), { http: new HttpLayer() }).catch(
      (e: unknown) => e,
    );
    expect(isStudylineError(error) && error.code).toBe('parse');
    expect((error as Error).message).toMatch(
      /the <description> element opened at line 14 is never closed/,
    );
  });
});
