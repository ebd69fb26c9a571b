import { describe, expect, test } from 'vitest';
import type { CourseStatus } from '../../../electron/shared/types';
import {
  caughtUpText,
  doneText,
  finishText,
  nextText,
  standingOf,
  streakText,
  summaryParts,
} from '../../../renderer/lib/progress-text';
import { formatDay } from '../../../renderer/lib/plan-dates';

// Dates are worded by formatDay (tested with its locale in plan-dates.test.ts); here, the sentences.
const day = (date: string, today = '2024-12-02') => formatDay(date, { today });

function status(change: Partial<CourseStatus> = {}): CourseStatus {
  return {
    today: '2024-12-02',
    total: 16,
    done: 6,
    opened: 7,
    starred: 0,
    percent: 37,
    standing: { kind: 'on-track' },
    behind: 0,
    ahead: 0,
    dueNow: 1,
    doneToday: 0,
    streak: 0,
    finished: false,
    paused: false,
    plannedFinishOn: '2025-01-24',
    ...change,
  };
}

describe('where the learner stands', () => {
  test('in two words, finished and paused first', () => {
    expect(standingOf(status()).text).toBe('On track');
    expect(standingOf(status({ standing: { kind: 'behind', count: 3 } })).text).toBe('3 behind');
    expect(standingOf(status({ standing: { kind: 'ahead', count: 2 } })).text).toBe('2 ahead');
    const paused = status({ paused: true, standing: { kind: 'behind', count: 3 } });
    expect(standingOf(paused)).toEqual({ text: 'Paused', tone: 'paused' });
    expect(standingOf(status({ finished: true, paused: true })).text).toBe('Finished');
  });

  test('counts and streak', () => {
    expect(doneText(status())).toBe('6 of 16 done');
    expect(streakText(0)).toBeUndefined();
    expect(streakText(1)).toBe('1-day streak');
    expect(streakText(12)).toBe('12-day streak');
  });
});

describe('the one-line summary', () => {
  test('done of total, and when the next email is due', () => {
    const next = { emailId: 'e7', order: 7, title: 'x', dueOn: '2024-12-06', overdue: false };
    expect(summaryParts(status({ next }))).toEqual({ done: '6/16 done', next: 'next due Fri' });
    const late = { ...next, dueOn: '2024-11-30', overdue: true };
    expect(summaryParts(status({ next: late })).next).toBe('next overdue 2 days');
    expect(summaryParts(status({ next: { ...next, dueOn: '2024-12-02' } })).next).toBe(
      'next due today',
    );
  });

  test('nothing is next when paused, finished or without a plan’s date', () => {
    const next = { emailId: 'e7', order: 7, title: 'x', dueOn: '2024-12-06', overdue: false };
    expect(summaryParts(status({ next, paused: true })).next).toBeUndefined();
    expect(summaryParts(status({ next, finished: true })).next).toBeUndefined();
    expect(summaryParts(status()).next).toBeUndefined();
  });
});

describe('the next email', () => {
  const next = {
    emailId: 'e5',
    order: 5,
    title: 'Conditionals',
    dueOn: '2024-12-03',
    overdue: false,
  };

  test('names it and when it is due', () => {
    expect(nextText(next, '2024-12-02')).toEqual({ title: '#5 Conditionals', due: 'due tomorrow' });
    expect(nextText({ ...next, dueOn: '2024-12-02' }, '2024-12-02').due).toBe('due today');
  });

  test('a late one says how late, as its row does', () => {
    const late = { ...next, dueOn: '2024-11-28', overdue: true };
    expect(nextText(late, '2024-12-02').due).toBe('overdue 4 days');
  });

  test('an untitled one still has a name', () => {
    expect(nextText({ ...next, title: '' }, '2024-12-02').title).toBe('#5 Untitled email');
  });
});

describe('the finish line', () => {
  test('one date: the plan’s, even when the learner’s own speed differs', () => {
    expect(finishText(status())).toBe(`Finish by ${day('2025-01-24')}`);
    expect(finishText(status({ estimatedFinishOn: '2025-02-03' }))).toBe(
      `Finish by ${day('2025-01-24')}`,
    );
  });

  test('paused or finished says so instead', () => {
    const today = '2024-12-02';
    expect(finishText(status({ paused: true, pausedSince: '2024-11-30' }))).toBe(
      `Paused since ${formatDay('2024-11-30', { today })}`,
    );
    expect(finishText(status({ finished: true, finishedOn: '2024-12-01' }))).toBe(
      `Finished on ${formatDay('2024-12-01', { today })}`,
    );
    expect(finishText(status({ plannedFinishOn: undefined }))).toBeUndefined();
  });

  test('after Catch up, the next email is due today', () => {
    const next = { emailId: 'e5', order: 5, title: 'x', dueOn: '2024-12-02', overdue: false };
    expect(caughtUpText(status({ next }))).toBe('Caught up: #5 is due today.');
    expect(caughtUpText(status())).toBe('Caught up.');
  });
});
