import { describe, expect, test } from 'vitest';
import {
  addDays,
  dayNumber,
  dueLabel,
  dueSentence,
  formatDay,
  weekdayOf,
} from '../../../renderer/lib/plan-dates';

describe('calendar days', () => {
  test('are counted without any time zone', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(weekdayOf('2024-12-02')).toBe(1);
    expect(weekdayOf('2024-12-08')).toBe(0);
  });

  test('anything else is not a day', () => {
    expect(dayNumber('2024-12')).toBeNaN();
    expect(dayNumber(undefined)).toBeNaN();
    expect(formatDay('soon')).toBe('an unknown day');
  });

  test('show the year only when it is not this year', () => {
    expect(formatDay('2024-12-03', { today: '2024-12-02', locale: 'en-GB' })).toBe('Tue 3 Dec');
    expect(formatDay('2025-01-24', { today: '2024-12-02', locale: 'en-GB' })).toMatch(
      /^Fri,? 24 Jan 2025$/,
    );
    // Without a today to compare with, the year is always there.
    expect(formatDay('2024-12-03', { locale: 'en-GB' })).toMatch(/^Tue,? 3 Dec 2024$/);
  });
});

describe('an email’s due date in its list row', () => {
  const today = '2024-12-02'; // a Monday
  const label = (dueOn: string, done = false) => dueLabel(dueOn, today, done, 'en-GB')?.text;

  test('says how late, today, tomorrow, the weekday within a week, else the date', () => {
    expect(label('2024-11-30')).toBe('overdue 2 days');
    expect(label('2024-12-01')).toBe('overdue 1 day');
    expect(label('2024-12-02')).toBe('due today');
    expect(label('2024-12-03')).toBe('due tomorrow');
    expect(label('2024-12-05')).toBe('due Thu');
    expect(label('2024-12-08')).toBe('due Sun');
    expect(label('2024-12-09')).toBe('due Mon 9 Dec');
    expect(label('2025-01-06')).toMatch(/^due Mon,? 6 Jan 2025$/);
  });

  test('a done email is done, whatever its date; no plan, no label', () => {
    expect(label('2024-11-01', true)).toBe('Done');
    expect(dueLabel(undefined, today, false)).toBeUndefined();
    expect(dueLabel('2024-12-05', undefined, false)).toBeUndefined();
  });

  test('carries a tone for its colour', () => {
    expect(dueLabel('2024-11-30', today, false)?.tone).toBe('overdue');
    expect(dueLabel('2024-12-02', today, false)?.tone).toBe('today');
    expect(dueLabel('2024-12-04', today, false)?.tone).toBe('soon');
    expect(dueLabel('2024-12-20', today, false)?.tone).toBe('later');
  });

  test('in a sentence, a past date was due', () => {
    expect(dueSentence('2024-12-02', today)).toBe('due today');
    expect(dueSentence('2024-12-03', today)).toBe('due tomorrow');
    expect(dueSentence('2024-12-10', today, 'en-GB')).toBe('due Tue 10 Dec');
    expect(dueSentence('2024-11-29', today, 'en-GB')).toBe('was due Fri 29 Nov');
  });
});
