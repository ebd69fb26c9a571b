import { fromDayNumber } from '../pace/calendar-date';
import type { RawEntry } from '../pace/schedule';
import { toIsoInstant } from '../pace/zoned-time';
import type { NudgeLevel, Reminder, ReminderCourse, ShownReminder } from './model';
import { reminderText } from './reminder-text';

/** A timer firing a little after its time is not "late"; a machine that slept is. */
const LATE_AFTER_MS = 60_000;

/** One course's reminder on one day, before it is put into words. */
export interface Slot {
  day: string;
  fireMs: number;
  dueCount: number;
  behind: number;
  idleDays?: number;
  nudge?: { idleSince: string; level: NudgeLevel };
}

export function reminderKey(courseId: string, day: string): string {
  return `${courseId}/${day}`;
}

/** The reminder for a slot, with the record main stores once it is shown. */
export function buildReminder(
  course: ReminderCourse,
  next: RawEntry,
  slot: Slot,
  nowMs: number,
): Reminder {
  const key = reminderKey(course.courseId, slot.day);
  const text = reminderText({
    courseTitle: course.title,
    day: slot.day,
    dueCount: slot.dueCount,
    behind: slot.behind,
    next: { title: next.email.title, dueOn: fromDayNumber(next.due) },
    ...(slot.idleDays === undefined ? {} : { idleDays: slot.idleDays }),
  });
  const record: ShownReminder = {
    key,
    courseId: course.courseId,
    day: slot.day,
    shownAt: toIsoInstant(Math.max(nowMs, slot.fireMs)),
  };
  if (slot.nudge) record.nudge = slot.nudge;
  const reminder: Reminder = {
    key,
    courseId: course.courseId,
    courseTitle: course.title,
    day: slot.day,
    fireAt: toIsoInstant(slot.fireMs),
    kind: slot.dueCount > 0 ? 'due' : 'nudge',
    ...text,
    dueCount: slot.dueCount,
    behind: slot.behind,
    emailId: next.email.id,
    late: slot.fireMs < nowMs - LATE_AFTER_MS,
    record,
  };
  if (slot.idleDays !== undefined) reminder.idleDays = slot.idleDays;
  return reminder;
}
