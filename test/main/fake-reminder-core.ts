import { vi } from 'vitest';
import type { ShownReminder } from '../../electron/core/reminders/model';
import type { Reminder, RemindersView } from '../../electron/shared/types';

export function reminderAt(courseId: string, day: string, fireAt: string): Reminder {
  const key = `${courseId}/${day}`;
  return {
    key,
    courseId,
    courseTitle: `Course ${courseId}`,
    day,
    fireAt,
    kind: 'due',
    title: `Time for ${courseId}`,
    body: 'Email 3 is due today.',
    dueCount: 1,
    behind: 0,
    emailId: `${courseId}-email-3`,
    late: false,
    record: { key, courseId, day, shownAt: fireAt },
  };
}

/**
 * The reminder half of the core, as its planner behaves: reminders whose time
 * has passed are shown at most once per course (only the latest missed one),
 * and what was marked shown is never answered again. `shown` is the stored
 * state, so a second timer over the same object acts like a restart.
 */
export function fakeReminderCore(schedule: Reminder[]) {
  const shown = new Map<string, ShownReminder>();
  const state = { enabled: true, dueCount: 2 };
  const reminders = vi.fn(async (): Promise<RemindersView> => {
    const at = Date.now();
    const due = schedule.filter((r) => Date.parse(r.fireAt) <= at);
    const latest = new Map<string, Reminder>();
    for (const r of due) latest.set(r.courseId, r);
    const showNow = state.enabled
      ? [...latest.values()]
          .filter((r) => !shown.has(r.key))
          .map((r) => ({ ...r, late: at - Date.parse(r.fireAt) > 60_000 }))
      : [];
    const upcoming = schedule.filter((r) => Date.parse(r.fireAt) > at);
    return { showNow, upcoming, nextFireAt: upcoming[0]?.fireAt, dueCount: state.dueCount };
  });
  const markRemindersShown = vi.fn(async (records: ShownReminder[]) => {
    for (const record of records) shown.set(record.key, record);
  });
  return { reminders, markRemindersShown, shown, state };
}
