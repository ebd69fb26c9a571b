import { styleDate } from './date-style';

const DAY_MS = 24 * 60 * 60 * 1000;

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The year of a moment in the zone it is shown in: UTC for calendar days, the
 * local zone otherwise. Read from the Date itself, since building an Intl
 * formatter per call cost milliseconds per list row while scrolling.
 */
function yearOf(date: Date, timeZone?: 'UTC'): number {
  return timeZone === 'UTC' ? date.getUTCFullYear() : date.getFullYear();
}

/**
 * The day an email was first sent ("Thu 14 Nov 2013"). Send dates come from
 * lines like "Sent 11 October 2013." and are stored as midnight UTC:
 * formatting them in the local zone would show the day before west of Greenwich.
 */
export function formatSendDate(iso: string | undefined, locale?: string, now = new Date()): string {
  const date = parse(iso);
  if (!date) return 'Date unknown';
  const withYear = yearOf(date, 'UTC') !== yearOf(now);
  return styleDate(date, { locale, withYear, timeZone: 'UTC' });
}

/** A moment of this learner's life (a sync, a backup, a reminder), in their own zone. */
export function formatMoment(iso: string | undefined, locale?: string, now = new Date()): string {
  const date = parse(iso);
  if (!date) return 'an unknown date';
  return styleDate(date, { locale, withYear: yearOf(date) !== yearOf(now), withTime: true });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale?: string): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(key, format);
  }
  return format;
}

/**
 * Builds the relative-time formatter before it is needed. The page's first
 * Intl formatter of any kind loads the locale's data (~20 ms here, ~40 ms on a
 * slow machine), which would otherwise land in the first screen's drawing
 * ("Last synced 3 min ago", the list's dates).
 */
export function prepareRelativeTime(locale?: string): void {
  relativeFormat(locale);
}

/** "3 days ago", "just now"; undefined input gives "at an unknown time". */
export function relativeTime(
  iso: string | undefined,
  now: Date = new Date(),
  locale?: string,
): string {
  const date = parse(iso);
  if (!date) return 'at an unknown time';
  const diff = date.getTime() - now.getTime();
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return 'just now';
}

/** Week of the course an email belongs to, counting from the first email (week 1). */
export function weekNumber(
  sentAt: string | undefined,
  firstSentAt: string | undefined,
): number | undefined {
  const sent = parse(sentAt);
  const first = parse(firstSentAt);
  if (!sent || !first) return undefined;
  return Math.max(1, Math.floor((sent.getTime() - first.getTime()) / (7 * DAY_MS)) + 1);
}
