import { isRealDay, monthNumber } from './calendar-names';

/** The send line opens the post; this is plenty of markup to find it in. */
const HEAD_CHARS = 4000;
/** …and this much text: "Seq21Oct13: Sent 11 October 2013." is near the very start. */
const TEXT_CHARS = 400;

const VERB = String.raw`\b(?:sent|mailed)(?:\s+on)?\s*:?\s+`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH = String.raw`([a-z]{3,9})\.?`;
const YEAR = String.raw`(\d{4})`;
// "Sent 11 October 2013" and "Sent October 11, 2013" (comma and ordinals optional).
const DAY_FIRST = new RegExp(`${VERB}${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'i');
const MONTH_FIRST = new RegExp(`${VERB}${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i');

/**
 * The original send date of a Mechanical MOOC email, from the line that opens
 * its archived post ("Seq21Oct13: Sent 11 October 2013." or "…: Mailed
 * 4 November 2013."), as 'YYYY-MM-DD'. Undefined when there is no such line
 * or the date cannot exist (31 February).
 */
export function extractSendDate(html: string): string | undefined {
  const text = leadingText(html);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return isoDay(dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return isoDay(monthFirst[3], monthFirst[1], monthFirst[2]);
  return undefined;
}

/** Most posts hold the line in their first few hundred characters: try those first. */
const FIRST_LOOK = 800;

function leadingText(html: string): string {
  const near = stripTags(html.slice(0, FIRST_LOOK));
  if (near.length >= TEXT_CHARS || html.length <= FIRST_LOOK) return near.slice(0, TEXT_CHARS);
  return stripTags(html.slice(0, HEAD_CHARS)).slice(0, TEXT_CHARS);
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/\s+/g, ' ');
}

function isoDay(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): string | undefined {
  const year = Number(yearText);
  const month = monthNumber(monthText ?? '');
  const day = Number(dayText);
  if (!month || !isRealDay(year, month, day)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
