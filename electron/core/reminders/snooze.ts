import { addDays, toDayNumber } from '../pace/calendar-date';
import { parseInstant, todayOf, toIsoInstant, zonedInstant } from '../pace/zoned-time';
import type { Clock } from '../pace/zoned-time';
import type { Reminder, ReminderSettings, ShownReminder } from './model';

export type SnoozeChoice = 'hour' | 'tomorrow';

const HOUR_MS = 3_600_000;
/** Shown records older than this are forgotten; the planner never looks back past today. */
export const KEEP_SHOWN_DAYS = 31;

/**
 * Snoozes reminders. "1 hour" holds everything back for an hour and, given
 * the key of the reminder the learner snoozed, shows that one again then
 * (its shown record is dropped). "Until tomorrow" holds everything back until
 * local midnight, so tomorrow's reminders come at their usual time.
 */
export function snooze(
  settings: ReminderSettings,
  shown: readonly ShownReminder[],
  choice: SnoozeChoice,
  clock: Clock,
  reminderKey?: string,
): { settings: ReminderSettings; shown: ShownReminder[] } {
  const nowMs = parseInstant(clock.now, 'The current time');
  if (choice === 'tomorrow') {
    const midnight = zonedInstant(addDays(todayOf(clock), 1), '00:00', clock.zone);
    return { settings: { ...settings, snoozedUntil: toIsoInstant(midnight) }, shown: [...shown] };
  }
  const kept =
    reminderKey === undefined ? [...shown] : shown.filter((record) => record.key !== reminderKey);
  return { settings: { ...settings, snoozedUntil: toIsoInstant(nowMs + HOUR_MS) }, shown: kept };
}

/** The records to keep after showing these reminders (one per key). */
export function markShown(
  shown: readonly ShownReminder[],
  reminders: readonly Reminder[],
): ShownReminder[] {
  const keys = new Set(reminders.map((reminder) => reminder.key));
  return [
    ...shown.filter((record) => !keys.has(record.key)),
    ...reminders.map((reminder) => reminder.record),
  ];
}

/**
 * Drops records older than a month, but keeps each course's latest nudge
 * record so a long idle spell is not nudged again from scratch.
 */
export function pruneShown(shown: readonly ShownReminder[], today: string): ShownReminder[] {
  const oldest = toDayNumber(today) - KEEP_SHOWN_DAYS;
  const latestNudge = new Map<string, ShownReminder>();
  for (const record of shown) {
    const current = latestNudge.get(record.courseId);
    if (record.nudge && (!current || record.day > current.day))
      latestNudge.set(record.courseId, record);
  }
  const keep = new Set(latestNudge.values());
  return shown.filter((record) => keep.has(record) || toDayNumber(record.day) >= oldest);
}
