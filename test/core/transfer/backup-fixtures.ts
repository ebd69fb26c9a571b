import { emptyProgress } from '../../../electron/core/library/progress-store';
import type { ProgressFile } from '../../../electron/core/library/model';
import type { Course } from '../../../electron/shared/types';
import { sourceIdFor } from '../../../electron/core/sync/source-id';

const SEQ_FEED = 'https://mechanicalmooc.wordpress.com/category/seq21oct13/feed/';
const BLOG_FEED = 'https://learn.example.org/category/sql/feed/';
export const SEQ_SOURCE = sourceIdFor(SEQ_FEED);
export const BLOG_SOURCE = sourceIdFor(BLOG_FEED);

export function seqCourse(): Course {
  return {
    id: 'seq21oct13',
    title: 'Learn Python (October 2013)',
    catalogCourseId: 'gentle-python',
    sequenceId: 'seq21oct13',
    archiveUrl: SEQ_FEED,
    archiveSourceId: SEQ_SOURCE,
    followedAt: '2026-10-01T08:00:00.000Z',
    groups: [
      {
        id: 'reddit-learnpython',
        name: 'r/learnpython',
        liveUrl: 'https://www.reddit.com/r/learnpython/',
        feedUrl: 'https://www.reddit.com/r/learnpython/.rss',
        sourceId: sourceIdFor('https://www.reddit.com/r/learnpython/.rss'),
      },
      {
        id: 'my-study-buddies',
        name: 'My study buddies',
        liveUrl: 'https://forum.example.org/c/buddies',
        fallbackGroupId: 'reddit-learnpython',
        custom: true,
      },
    ],
  };
}

export function blogCourse(): Course {
  return {
    id: 'sql',
    title: 'SQL by email',
    archiveUrl: BLOG_FEED,
    archiveSourceId: BLOG_SOURCE,
    followedAt: '2026-10-05T08:00:00.000Z',
    groups: [],
  };
}

export const seqEmail = (n: number): string => `${SEQ_SOURCE}.${n.toString(16).padStart(10, '0')}`;
export const blogEmail = (n: number): string =>
  `${BLOG_SOURCE}.${n.toString(16).padStart(10, '0')}`;

/** A learner on their laptop: two courses, plans, progress, a note, reminders off for one course. */
export function laptopProgress(): ProgressFile {
  const progress = emptyProgress();
  progress.courses = [seqCourse(), blogCourse()];
  progress.plans = {
    seq21oct13: {
      startOn: '2026-12-01',
      pace: { kind: 'factor', factor: 0.5 },
      studyDays: [1, 3, 5],
      remindAt: '08:30',
      pauses: [{ from: '2026-12-20', to: '2027-01-03' }],
      catchUps: [],
    },
  };
  progress.emails = {
    [seqEmail(1)]: { openedAt: '2026-12-01T08:40:00.000Z', doneAt: '2026-12-01T09:10:00.000Z' },
    [seqEmail(2)]: {
      openedAt: '2026-12-03T08:40:00.000Z',
      doneAt: '2026-12-03T09:00:00.000Z',
      starred: true,
    },
    [seqEmail(3)]: { openedAt: '2026-12-05T08:40:00.000Z', note: 'Ask about list slicing' },
    [blogEmail(1)]: { doneAt: '2026-10-06T19:00:00.000Z' },
  };
  progress.reminders = {
    settings: { enabled: true, offCourseIds: ['sql'], snoozedUntil: '2026-12-06T10:00:00.000Z' },
    shown: [
      {
        key: 'seq21oct13/2026-12-05',
        courseId: 'seq21oct13',
        day: '2026-12-05',
        shownAt: '2026-12-05T08:30:00.000Z',
      },
    ],
  };
  progress.settings = {
    syncEveryHours: 8,
    theme: 'dark',
    closeToTray: false,
    startAtLogin: true,
    readingFontSize: 20,
    readingWidth: 'wide',
  };
  progress.notices = [
    { id: 'n1', at: '2026-12-02T10:00:00.000Z', level: 'info', message: 'Restored from backup.' },
  ];
  progress.lastSyncAt = '2026-12-05T07:00:00.000Z';
  return progress;
}
