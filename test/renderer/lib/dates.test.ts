import { describe, expect, test } from 'vitest';
import {
  formatMoment,
  formatSendDate,
  relativeTime,
  weekNumber,
} from '../../../renderer/lib/dates';
import { formatDay } from '../../../renderer/lib/plan-dates';

describe('formatSendDate', () => {
  test('shows the day the email was sent, whatever the local time zone', () => {
    expect(formatSendDate('2013-10-21T00:00:00.000Z', 'en-GB')).toMatch(/^Mon,? 21 Oct 2013$/);
  });

  test('leaves out the year of this year', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(formatSendDate('2026-11-27T00:00:00.000Z', 'en-GB', now)).toBe('Fri 27 Nov');
  });

  test('says so when the date is missing or broken', () => {
    expect(formatSendDate(undefined)).toBe('Date unknown');
    expect(formatSendDate('not a date')).toBe('Date unknown');
  });
});

describe('one date style everywhere', () => {
  test('a plan day, a send date and a moment look alike, in the learner’s locale', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(formatDay('2026-12-04', { today: '2026-11-30', locale: 'en-GB' })).toBe('Fri 4 Dec');
    expect(formatSendDate('2026-12-04T00:00:00Z', 'en-GB', now)).toBe('Fri 4 Dec');
    expect(formatMoment('2026-12-04T09:05:00', 'en-GB', now)).toBe('Fri 4 Dec, 09:05');
    expect(formatDay('2026-12-04', { today: '2026-11-30', locale: 'en-US' })).toBe('Fri, Dec 4');
    expect(formatSendDate('2026-12-04T00:00:00Z', 'en-US', now)).toBe('Fri, Dec 4');
  });

  test('no date is ever numeric only', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    for (const text of [
      formatMoment('2025-01-02T10:00:00', 'en-US', now),
      formatSendDate('2013-10-21T00:00:00Z', 'en-US', now),
    ]) {
      expect(text).not.toMatch(/\d+\/\d+\/\d+/);
    }
  });
});

describe('weekNumber', () => {
  const first = '2013-10-21T00:00:00.000Z';

  test('counts weeks from the first email', () => {
    expect(weekNumber(first, first)).toBe(1);
    expect(weekNumber('2013-10-27T00:00:00.000Z', first)).toBe(1);
    expect(weekNumber('2013-10-28T00:00:00.000Z', first)).toBe(2);
    expect(weekNumber('2013-12-15T00:00:00.000Z', first)).toBe(8);
  });

  test('never goes below week 1 and is unknown without dates', () => {
    expect(weekNumber('2013-10-01T00:00:00.000Z', first)).toBe(1);
    expect(weekNumber(first, undefined)).toBeUndefined();
  });
});

describe('relativeTime', () => {
  const now = new Date('2024-05-10T12:00:00Z');

  test('speaks in the largest sensible unit', () => {
    expect(relativeTime('2024-05-10T10:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(relativeTime('2024-05-07T12:00:00Z', now, 'en')).toBe('3 days ago');
    expect(relativeTime('2024-04-26T12:00:00Z', now, 'en')).toBe('2 weeks ago');
    expect(relativeTime('2024-05-10T11:59:30Z', now, 'en')).toBe('just now');
  });

  test('does not pretend to know an unknown time', () => {
    expect(relativeTime(undefined, now)).toBe('at an unknown time');
  });
});
