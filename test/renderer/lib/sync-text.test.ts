import { describe, expect, test } from 'vitest';
import type { CourseView, SyncProgress, SyncReport } from '../../../electron/shared/types';
import {
  progressOfReport,
  progressText,
  reportSummary,
  sourceName,
  syncSummary,
} from '../../../renderer/lib/sync-text';

const archive: SyncProgress = {
  sourceId: 'a',
  url: 'https://blog.example/category/seq/feed/',
  kind: 'archive',
  phase: 'page',
  page: 2,
  newItems: 14,
  totalItems: 20,
};

describe('progress in words', () => {
  test('names the page and counts emails or posts', () => {
    expect(progressText(archive)).toBe('Page 2 · 20 emails (14 new)');
    expect(
      progressText({ ...archive, kind: 'group', phase: 'done', totalItems: 1, newItems: 1 }),
    ).toBe('Done · 1 post (1 new)');
    expect(progressText({ ...archive, phase: 'error', message: 'The blog answered 500.' })).toBe(
      'The blog answered 500.',
    );
    expect(progressText({ ...archive, phase: 'not-modified' })).toBe(
      'No changes since the last sync',
    );
  });

  test('summarises the running sync from the archive', () => {
    expect(syncSummary([archive])).toBe('Syncing, page 2: 20 emails saved, 14 new');
    expect(syncSummary([])).toBe('Starting sync…');
  });
});

describe('report summary', () => {
  const report: SyncReport = {
    startedAt: '2024-01-01T00:00:00Z',
    finishedAt: '2024-01-01T00:00:05Z',
    ok: false,
    offline: false,
    cancelled: false,
    results: [
      {
        sourceId: 'a',
        url: 'u',
        kind: 'archive',
        status: 'ok',
        newItems: 3,
        updatedItems: 0,
        pages: 1,
        itemCount: 30,
      },
      {
        sourceId: 'g',
        url: 'v',
        kind: 'group',
        status: 'error',
        error: 'Down.',
        newItems: 0,
        updatedItems: 0,
        pages: 0,
        itemCount: 0,
      },
    ],
  };

  test('tells new emails and failing sources apart', () => {
    expect(reportSummary(report)).toBe(
      'Synced with problems: 3 new emails; 1 source could not be reached.',
    );
    expect(reportSummary({ ...report, ok: true, results: report.results.slice(0, 1) })).toBe(
      'Synced: 3 new emails.',
    );
  });

  test('says offline and cancelled plainly', () => {
    expect(reportSummary({ ...report, offline: true })).toMatch(/offline/);
    expect(reportSummary({ ...report, cancelled: true })).toMatch(/cancelled/);
  });
});

test('sources are called by the names the learner knows', () => {
  const course = {
    id: 'c',
    title: 'Gentle Python',
    archiveSourceId: 'arch',
    groups: [{ id: 'g', name: 'Python forum', liveUrl: 'https://f.example', sourceId: 'grp' }],
  } as unknown as CourseView;
  expect(
    sourceName({ id: 'grp', kind: 'group', url: 'https://f.example/latest.rss' }, [course]),
  ).toBe('Python forum');
  expect(
    sourceName({ id: 'arch', kind: 'archive', url: 'https://b.example/feed/' }, [course]),
  ).toBe('Gentle Python');
  expect(sourceName({ id: 'x', kind: 'group', url: 'https://f.example/x.rss' }, [course])).toBe(
    'f.example/x.rss',
  );
  expect(sourceName({ id: 'x', kind: 'group', url: 'u', title: 'Titled feed' })).toBe(
    'Titled feed',
  );
});

describe('a finished sync, source by source', () => {
  test('each source says how it went, as the progress list shows it', () => {
    const report: SyncReport = {
      startedAt: '2026-11-30T10:00:00Z',
      finishedAt: '2026-11-30T10:00:04Z',
      ok: false,
      offline: false,
      cancelled: false,
      results: [
        {
          sourceId: 'a',
          url: archive.url,
          kind: 'archive',
          status: 'ok',
          newItems: 3,
          updatedItems: 0,
          pages: 2,
          itemCount: 12,
        },
        {
          sourceId: 'g',
          url: 'https://forum.example/latest.rss',
          kind: 'group',
          status: 'error',
          error: 'The forum answered 503.',
          newItems: 0,
          updatedItems: 0,
          pages: 0,
          itemCount: 4,
        },
      ],
    };
    expect(progressOfReport(report).map(progressText)).toEqual([
      'Done · 12 emails (3 new)',
      'The forum answered 503.',
    ]);
  });
});
