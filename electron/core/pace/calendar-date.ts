import { StudylineError } from '../errors';

/**
 * Local calendar arithmetic on plain dates ('YYYY-MM-DD'). A date has no time
 * and no zone, so adding days never meets a DST change: "three days later" is
 * always three calendar days, whatever the clocks do.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days in `month` (1–12) of `year`, by the Gregorian rule: no Date built (a plan asks per email). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** True for a real date between 1900 and 2999 written as YYYY-MM-DD. */
export function isValidDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The date itself, or a learner-readable 'invalid-input' error naming `what` it is. */
export function parseDate(value: unknown, what: string): string {
  if (typeof value === 'string' && isValidDate(value)) return value;
  const shown = typeof value === 'string' ? `“${value}”` : 'missing';
  throw new StudylineError('invalid-input', `${what} (${shown}) is not a real date.`, {
    hint: 'Write dates as YYYY-MM-DD, for example 2028-02-29.',
  });
}

/** Days since 1970-01-01 (negative before). The input must be a valid date. */
export function toDayNumber(date: string): number {
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (date.length !== 10 || year < 0 || month < 1 || month > 12 || day < 0) {
    // Not the shape plans use: as Date reads it (NaN for what it cannot).
    return (
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      DAY_MS
    );
  }
  // The inverse of fromDayNumber: years counted from March, on the 400-year cycle.
  const fromMarchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(fromMarchYear / 400);
  const yearOfEra = fromMarchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number written at [from, to) of `text`, or -1 if anything there is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The date `dayNumber` days after 1970-01-01. Computed with whole-number arithmetic on
 * the 400-year Gregorian cycle (146,097 days), counted from 1 March so that the leap day
 * ends a year: a plan asks for a date 2–3 times per email, and building a Date and its
 * ISO text each time was half the cost of a 1,000-email course's progress.
 */
export function fromDayNumber(dayNumber: number): string {
  const fromMarch = dayNumber + 719_468; // days from 0000-03-01
  const era = Math.floor(fromMarch / 146_097);
  const dayOfEra = fromMarch - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
  // Outside four-digit years, ISO text has a sign and six digits: left to Date.
  if (year < 0 || year > 9999) return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as JavaScript numbers weekdays. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday] ?? String(weekday);
}

/** "Tuesday 29 February" (plus the year when asked), independent of the machine's locale. */
export function formatDay(date: string, withYear = false): string {
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? '';
  const text = `${weekdayName(weekdayOf(date))} ${Number(date.slice(8, 10))} ${month}`;
  return withYear ? `${text} ${date.slice(0, 4)}` : text;
}
