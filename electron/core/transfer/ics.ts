import { addDays, formatDay } from '../pace/calendar-date';
import type { Schedule, ScheduledEmail } from '../pace/model';
import { parseInstant } from '../pace/zoned-time';

/**
 * A course's plan as an iCalendar file (RFC 5545): one all-day event per
 * email on its due date. UIDs are the email ids, so importing a newer export
 * updates the events instead of duplicating them.
 */

export interface IcsOptions {
  /** DTSTAMP of every event (ISO instant). */
  now: string;
  /** Include emails already done, marked ✓ and without an alarm (default true). */
  includeDone?: boolean;
  /** Add an alarm at the learner's reminder time on the due day (default true). */
  alarm?: boolean;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
export const ICS_PRODID = '-//Studyline//Studyline study plan//EN';

/** TEXT values: backslash, semicolon, comma and line breaks are escaped; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (UTF-8), never inside a character;
 * continuation lines start with one space, which counts toward the 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

function basicInstant(iso: string): string {
  const ms = parseInstant(iso, 'The export time');
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** 'HH:MM' as a duration from the start of the (all-day) event: PT9H, PT7H45M, PT0S. */
function triggerAt(remindAt: string): string {
  const hours = Number(remindAt.slice(0, 2));
  const minutes = Number(remindAt.slice(3, 5));
  if (hours === 0 && minutes === 0) return 'PT0S';
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
}

function eventLines(
  courseTitle: string,
  email: ScheduledEmail,
  total: number,
  context: { stamp: string; schedule: Schedule; alarm: boolean },
): string[] {
  const summary = `${email.done ? '✓ ' : ''}${courseTitle}: ${email.title}`;
  const about = `Email ${email.order} of ${total} of ${courseTitle}, first sent ${formatDay(email.sentOn, true)}.`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${email.id}@studyline`)}`,
    `DTSTAMP:${context.stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(email.dueOn)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(email.dueOn, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(email.link ? `${about}\n${email.link}` : about)}`,
    'TRANSP:TRANSPARENT',
  ];
  // URL is a URI, not TEXT: only a plain http(s) address goes in as is.
  if (email.link && /^https?:\/\/[^\s"<>\\]+$/i.test(email.link)) lines.push(`URL:${email.link}`);
  if (context.alarm && !email.done) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(summary)}`,
      `TRIGGER;RELATED=START:${triggerAt(context.schedule.remindAt)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text, CRLF line endings, ready to write to `<course>.ics`. */
export function toIcs(courseTitle: string, schedule: Schedule, options: IcsOptions): string {
  const context = { stamp: basicInstant(options.now), schedule, alarm: options.alarm ?? true };
  const total = schedule.emails.length;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Studyline: ${courseTitle}`)}`,
  ];
  for (const email of schedule.emails) {
    if (email.done && options.includeDone === false) continue;
    lines.push(...eventLines(courseTitle, email, total, context));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A safe file name for the export, e.g. "python-for-beginners.ics". */
export function icsFileName(courseTitle: string): string {
  const slug = courseTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'studyline-plan'}.ics`;
}
