import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatDay,
  fromDayNumber,
  isValidDate,
  parseDate,
  toDayNumber,
  weekdayOf,
} from '../../../electron/core/pace/calendar-date';
import { StudylineError } from '../../../electron/core/errors';

describe('calendar dates', () => {
  it('accepts real dates, including a leap day', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2024-12-31')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible or badly written dates', () => {
    for (const bad of [
      '2027-02-29',
      '2100-02-29',
      '2028-13-01',
      '2028-04-31',
      '2028-02-30',
      '2028-00-10',
      '2028-01-00',
      '1899-12-31',
      '3000-01-01',
      '２０２８-01-01',
      '2028-01-01\n',
      '2028-1-01',
      '28-01-01',
      '',
      'today',
    ]) {
      expect(isValidDate(bad), bad).toBe(false);
    }
    expect(isValidDate(20280229)).toBe(false);
  });

  it('explains an impossible date to the learner', () => {
    try {
      parseDate('2027-02-29', 'The start date');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StudylineError);
      expect((error as StudylineError).code).toBe('invalid-input');
      expect((error as StudylineError).message).toContain('2027-02-29');
      expect((error as StudylineError).fullMessage).toContain('YYYY-MM-DD');
    }
  });

  it('counts calendar days across the leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2028-03-01', '2028-02-01')).toBe(-29);
  });

  it('knows the day of the week', () => {
    expect(weekdayOf('2028-02-29')).toBe(2);
    expect(weekdayOf('2028-03-26')).toBe(0);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0);
    expect(formatDay('2028-02-29')).toBe('Tuesday 29 February');
    expect(formatDay('2028-02-29', true)).toBe('Tuesday 29 February 2028');
  });

  it('names every day from 1900 to 2999 as the calendar does, leap days and century years included', () => {
    const first = toDayNumber('1900-01-01');
    const last = toDayNumber('2999-12-31');
    const wrong: string[] = [];
    for (let n = first; n <= last; n++) {
      const expected = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== expected) wrong.push(`${n}: ${fromDayNumber(n)} ≠ ${expected}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // And back, with the check of a written date and its month's length.
    for (let n = first; n <= last; n++) {
      const date = fromDayNumber(n);
      const utc = new Date(n * 86_400_000);
      const monthLength = new Date(
        Date.UTC(utc.getUTCFullYear(), utc.getUTCMonth() + 1, 0),
      ).getUTCDate();
      if (toDayNumber(date) !== n || !isValidDate(date)) wrong.push(`back: ${date}`);
      if (daysInMonth(utc.getUTCFullYear(), utc.getUTCMonth() + 1) !== monthLength)
        wrong.push(`month of ${date}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(fromDayNumber(toDayNumber('2000-02-29'))).toBe('2000-02-29');
    expect(fromDayNumber(toDayNumber('2100-02-28') + 1)).toBe('2100-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    // Far outside any plan, still the ISO calendar's own text.
    expect(fromDayNumber(-719_529)).toBe(
      new Date(-719_529 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(fromDayNumber(3_000_000)).toBe(
      new Date(3_000_000 * 86_400_000).toISOString().slice(0, 10),
    );
  });

  it('adding then measuring days gives the same count, for any date', () => {
    const anyDate = fc
      .integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2150-12-31') })
      .map(fromDayNumber);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const later = addDays(date, days);
        expect(isValidDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(days);
        expect(weekdayOf(later)).toBe((((weekdayOf(date) + days) % 7) + 7) % 7);
      }),
    );
  });
});
