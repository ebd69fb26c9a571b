/**
 * Calendar helpers for dates written in words ("Sent 11 October 2013").
 * Kept apart from feed-fields.ts, which loads sanitize-html: the send date is
 * read wherever emails are ordered, including commands that never parse HTML.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** True when year-month-day is on the calendar (no 31 February). Month is 1–12. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month number (1–12) from an English name or an abbreviation ("Oct", "Sept"); 0 when unknown. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}
