import { describe, expect, it } from 'vitest';
import { groupViews } from '../../../electron/core/app/group-views';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceFile, StoredItem } from '../../../electron/core/library/model';
import type { Catalog, Course, GroupDef } from '../../../electron/shared/types';

const NOW = new Date('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;

function post(id: string, hoursAgo: number): StoredItem {
  const at = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
  return {
    id,
    key: id,
    title: `Post ${id}`,
    sentAt: at,
    html: '',
    categories: [],
    images: [],
    contentHash: id,
    firstSeenAt: at,
    updatedAt: at,
  };
}

/** A library holding one group feed per source id, each with posts this many hours old. */
function library(feeds: Record<string, number[]>): LibraryStore {
  const files = new Map<string, SourceFile>();
  for (const [sourceId, ages] of Object.entries(feeds)) {
    files.set(sourceId, {
      schemaVersion: 1,
      source: { id: sourceId, url: `https://${sourceId}.example/feed`, kind: 'group' },
      items: ages.map((age, i) => post(`${sourceId}.${i}`, age)),
    });
  }
  return { get: async (id: string) => files.get(id) } as unknown as LibraryStore;
}

function group(id: string, extra: Partial<GroupDef> = {}): GroupDef {
  return { id, name: `Group ${id}`, liveUrl: `https://${id}.example/`, ...extra };
}

function course(groups: GroupDef[]): Course {
  return {
    id: 'seq21oct13',
    title: 'Python',
    catalogCourseId: 'gentle-python',
    archiveUrl: 'https://blog.example/feed/',
    archiveSourceId: 'blog',
    followedAt: NOW.toISOString(),
    groups,
  };
}

const withFeed = (id: string, extra: Partial<GroupDef> = {}) =>
  group(id, { feedUrl: `https://${id}.example/feed`, sourceId: id, ...extra });

describe('the one recommended group', () => {
  it('is the busiest active group, even when a quiet group is listed first', async () => {
    const views = await groupViews(
      library({ own: [24 * 20], reddit: [1, 2, 3], discourse: [3, 28] }),
      course([
        withFeed('own', { fallbackGroupId: 'reddit' }),
        withFeed('reddit'),
        withFeed('discourse'),
      ]),
      NOW,
    );
    expect(views.filter((v) => v.recommended).map((v) => v.id)).toEqual(['reddit']);
    const own = views.find((v) => v.id === 'own')!;
    expect(own).toMatchObject({ activity: 'quiet', suggestFallback: true });
    expect(own.fallback?.id).toBe('reddit');
  });

  it('keeps the course’s own order on a tie', async () => {
    const views = await groupViews(
      library({ a: [1, 2], b: [3, 4] }),
      course([withFeed('a'), withFeed('b')]),
      NOW,
    );
    expect(views.map((v) => v.recommended)).toEqual([true, false]);
  });

  it('prefers a live page we know nothing about to a group known to be quiet', async () => {
    const views = await groupViews(
      library({ quiet: [24 * 30] }),
      course([withFeed('quiet'), group('link-only')]),
      NOW,
    );
    expect(views.find((v) => v.recommended)?.id).toBe('link-only');
  });

  it('does not call a quiet fallback busier than a quiet group', async () => {
    const views = await groupViews(
      library({ a: [24 * 30], b: [24 * 9] }),
      course([withFeed('a', { fallbackGroupId: 'b' }), withFeed('b')]),
      NOW,
    );
    expect(views[0]).toMatchObject({ suggestFallback: false, fallback: { id: 'b' } });
  });
});

describe('closed groups', () => {
  const catalog: Catalog = {
    schemaVersion: 1,
    courses: [
      {
        id: 'gentle-python',
        title: 'Python',
        description: '',
        homepage: 'https://blog.example/',
        sequences: [],
        groups: [
          {
            ...group('openstudy-6189', { fallbackGroupId: 'openstudy-600' }),
            closed: true,
            closedNote: 'OpenStudy has closed.',
          },
          { ...group('openstudy-600'), closed: true },
          withFeed('reddit'),
        ],
      },
    ],
  };
  // Followed before the catalog marked OpenStudy closed: the stored groups do not say so.
  const followedEarlier = course([
    group('openstudy-6189', { fallbackGroupId: 'openstudy-600' }),
    group('openstudy-600'),
    withFeed('reddit'),
  ]);

  it('are closed for learners who followed before they closed, with the catalog’s sentence', async () => {
    const views = await groupViews(library({ reddit: [24 * 10] }), followedEarlier, NOW, catalog);
    expect(views.map((v) => v.activity)).toEqual(['closed', 'closed', 'quiet']);
    expect(views[0]?.closedNote).toBe('OpenStudy has closed.');
    expect(views[1]?.closedNote).toBe('This group has closed.');
  });

  it('are never recommended, even when the only open group is quiet', async () => {
    const views = await groupViews(library({ reddit: [24 * 10] }), followedEarlier, NOW, catalog);
    expect(views.find((v) => v.recommended)?.id).toBe('reddit');
  });

  it('point past a closed fallback to the recommended open group', async () => {
    const views = await groupViews(library({ reddit: [1] }), followedEarlier, NOW, catalog);
    for (const closed of views.slice(0, 2)) {
      expect(closed).toMatchObject({ suggestFallback: true, fallback: { id: 'reddit' } });
    }
  });

  it('follow the fallback chain to the first open group', async () => {
    const views = await groupViews(
      library({ big: [1], bigger: [1, 2, 3] }),
      course([
        withFeed('small', { closed: true, fallbackGroupId: 'mid' }),
        group('mid', { closed: true, fallbackGroupId: 'big' }),
        withFeed('big'),
        withFeed('bigger'),
      ]),
      NOW,
    );
    expect(views[0]?.fallback?.id).toBe('big');
    expect(views.find((v) => v.recommended)?.id).toBe('bigger');
  });

  it('keep their last posts as history', async () => {
    const views = await groupViews(
      library({ gone: [24 * 400] }),
      course([withFeed('gone', { closed: true })]),
      NOW,
    );
    expect(views[0]).toMatchObject({ activity: 'closed', recommended: false });
    expect(views[0]?.latestPosts).toHaveLength(1);
    expect(views[0]?.fallback).toBeUndefined();
  });

  it('leave a course with no place to ask when every group closed', async () => {
    const views = await groupViews(library({}), followedEarlier, NOW, {
      ...catalog,
      courses: [
        {
          ...catalog.courses[0]!,
          groups: catalog.courses[0]!.groups.map((g) => ({ ...g, closed: true })),
        },
      ],
    });
    expect(views.some((v) => v.recommended)).toBe(false);
    expect(views.every((v) => !v.suggestFallback)).toBe(true);
  });

  it('ship closed in the built-in catalog for OpenStudy', async () => {
    const { loadCatalog } = await import('../../../electron/core/catalog/catalog');
    const groups = (await loadCatalog()).courses.flatMap((c) => c.groups);
    const openstudy = groups.filter((g) => g.liveUrl.includes('openstudy.com'));
    expect(openstudy.length).toBeGreaterThan(0);
    expect(openstudy.every((g) => g.closed === true && g.closedNote)).toBe(true);
    expect(groups.filter((g) => !g.closed).length).toBeGreaterThan(0);
  });
});
