import { describe, expect, test } from 'vitest';
import { formatSendDate, relativeTime, weekNumber } from '../../../renderer/lib/dates';

describe('formatSendDate', () => {
  test('shows the day the email was sent, whatever the local time zone', () => {
    expect(formatSendDate('2013-10-21T00:00:00.000Z', 'en-GB')).toBe('21 Oct 2013');
  });

  test('says so when the date is missing or broken', () => {
    expect(formatSendDate(undefined)).toBe('Date unknown');
    expect(formatSendDate('not a date')).toBe('Date unknown');
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
