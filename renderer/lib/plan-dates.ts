/**
 * Plan dates are local calendar days ('YYYY-MM-DD') computed by the core in
 * the learner's zone. "Today" always comes from the core too (CourseStatus.today),
 * so the page never disagrees with the reminders about what day it is.
 * Days are handled as UTC midnights so no zone can move them.
 */
import { styleDate } from './date-style';

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or NaN for anything that is not a calendar day. */
export function dayNumber(day: string | undefined): number {
  const match = DAY_RE.exec(day ?? '');
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The weekday of a day, 0 = Sunday … 6 = Saturday, as the plan numbers them. */
export function weekdayOf(day: string): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

// A scrolling list formats dozens of dates per frame: build each formatter once.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, found);
  }
  return found;
}

/**
 * A day of the plan in the app's one date style: "Tue 3 Dec", with the year
 * only when it is not this year's ("Fri 24 Jan 2025").
 */
export function formatDay(day: string, options: { today?: string; locale?: string } = {}): string {
  if (Number.isNaN(dayNumber(day))) return 'an unknown day';
  const sameYear = options.today !== undefined && options.today.slice(0, 4) === day.slice(0, 4);
  return styleDate(new Date(dayNumber(day) * DAY_MS), {
    locale: options.locale,
    withYear: !sameYear,
    timeZone: 'UTC',
  });
}

/** "Mon", "Tue"… for a weekday number (0 = Sunday). */
export function weekdayShort(weekday: number, locale?: string): string {
  // 1970-01-04 was a Sunday.
  return format({ weekday: 'short' }, locale).format(new Date((3 + weekday) * DAY_MS));
}

/** "Monday"… for a weekday number (0 = Sunday). */
export function weekdayLong(weekday: number, locale?: string): string {
  return format({ weekday: 'long' }, locale).format(new Date((3 + weekday) * DAY_MS));
}

export type DueTone = 'done' | 'overdue' | 'today' | 'soon' | 'later';

export interface DueLabel {
  text: string;
  tone: DueTone;
}

/**
 * An email's due date relative to today, short enough for a list row:
 * "overdue 2 days", "due today", "due tomorrow", "due Thu", "due 3 Dec".
 */
export function dueLabel(
  dueOn: string | undefined,
  today: string | undefined,
  done: boolean,
  locale?: string,
): DueLabel | undefined {
  if (done) return { text: 'Done', tone: 'done' };
  if (!dueOn || !today) return undefined;
  const days = daysFrom(today, dueOn);
  if (Number.isNaN(days)) return undefined;
  if (days < 0) {
    const late = -days;
    return { text: `overdue ${late} day${late === 1 ? '' : 's'}`, tone: 'overdue' };
  }
  if (days === 0) return { text: 'due today', tone: 'today' };
  if (days === 1) return { text: 'due tomorrow', tone: 'soon' };
  if (days < 7) return { text: `due ${weekdayShort(weekdayOf(dueOn), locale)}`, tone: 'soon' };
  return { text: `due ${formatDay(dueOn, { today, locale })}`, tone: 'later' };
}

/** A due date in a sentence: "due today", "due tomorrow", "due Tue 3 Dec", "was due Mon 2 Dec". */
export function dueSentence(dueOn: string, today: string, locale?: string): string {
  const days = daysFrom(today, dueOn);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  const day = formatDay(dueOn, { today, locale });
  return days < 0 ? `was due ${day}` : `due ${day}`;
}
