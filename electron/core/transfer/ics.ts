import ical, {
  ICalAlarmRelatesTo,
  ICalAlarmType,
  ICalCalendarMethod,
  ICalEventTransparency,
  type ICalCalendar,
} from 'ical-generator';
import { addDays, formatDay } from '../pace/calendar-date';
import type { Schedule, ScheduledEmail } from '../pace/model';
import { parseInstant } from '../pace/zoned-time';

/**
 * A course's plan as an iCalendar file (RFC 5545), written by ical-generator
 * (escaping, 75-octet folding, CRLF): one all-day event per email on its due
 * date. UIDs are the email ids, so importing a newer export updates the events
 * instead of duplicating them.
 */

export interface IcsOptions {
  /** DTSTAMP of every event (ISO instant). */
  now: string;
  /** Include emails already done, marked ✓ and without an alarm (default true). */
  includeDone?: boolean;
  /** Add an alarm at the learner's reminder time on the due day (default true). */
  alarm?: boolean;
}

/**
 * RFC 5545 allows no control characters in TEXT, and the library escapes line
 * breaks but keeps other controls: every line break becomes \n, the rest go.
 */
function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/** TEXT escaping, for the one value ical-generator 10 writes as is: the calendar's name. */
function escapedText(value: string): string {
  return plainText(value)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

/**
 * Midnight UTC of a plain date: the library writes an all-day date from the UTC
 * fields, so the exported day never depends on the machine's zone.
 */
function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Seconds from the start of the due day to 'HH:MM'. */
function secondsInto(remindAt: string): number {
  return Number(remindAt.slice(0, 2)) * 3600 + Number(remindAt.slice(3, 5)) * 60;
}

function addEvent(
  calendar: ICalCalendar,
  courseTitle: string,
  email: ScheduledEmail,
  context: { stamp: Date; total: number; remindAt?: string },
): void {
  const summary = plainText(`${email.done ? '✓ ' : ''}${courseTitle}: ${email.title}`);
  const about = `Email ${email.order} of ${context.total} of ${courseTitle}, first sent ${formatDay(email.sentOn, true)}.`;
  const event = calendar.createEvent({
    id: `${email.id}@studyline`,
    stamp: context.stamp,
    allDay: true,
    start: utcMidnight(email.dueOn),
    end: utcMidnight(addDays(email.dueOn, 1)),
    summary,
    description: plainText(email.link ? `${about}\n${email.link}` : about),
    transparency: ICalEventTransparency.TRANSPARENT,
    // URL is a URI, not TEXT: only a plain http(s) address goes in as is.
    url: email.link && /^https?:\/\/[^\s"<>\\]+$/i.test(email.link) ? email.link : null,
  });
  if (context.remindAt === undefined || email.done) return;
  // ical-generator 10 ignores `relatesTo` in the alarm's options (and ties a positive
  // trigger to the END without it): set it through its method.
  event
    .createAlarm({
      type: ICalAlarmType.display,
      triggerAfter: secondsInto(context.remindAt),
      description: summary,
    })
    .relatesTo(ICalAlarmRelatesTo.start);
}

/** The whole calendar as text, CRLF line endings, ready to write to `<course>.ics`. */
export function toIcs(courseTitle: string, schedule: Schedule, options: IcsOptions): string {
  const stamp = new Date(parseInstant(options.now, 'The export time'));
  const calendar = ical({
    prodId: { company: 'Studyline', product: 'Studyline study plan', language: 'EN' },
    scale: 'GREGORIAN',
    method: ICalCalendarMethod.PUBLISH,
    name: escapedText(`Studyline: ${courseTitle}`),
  });
  const remindAt = (options.alarm ?? true) ? schedule.remindAt : undefined;
  const total = schedule.emails.length;
  for (const email of schedule.emails) {
    if (email.done && options.includeDone === false) continue;
    addEvent(calendar, courseTitle, email, { stamp, total, remindAt });
  }
  return `${calendar.toString()}\r\n`;
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
