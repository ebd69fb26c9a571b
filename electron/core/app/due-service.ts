import type { RemindersView } from '../../shared/types';
import { buildAgenda, type Agenda } from '../pace/agenda';
import { courseStatus, planCourse } from '../pace/status';
import { todayOf } from '../pace/zoned-time';
import { planReminders } from '../reminders/reminder-planner';
import type { ReminderCourse, ShownReminder } from '../reminders/model';
import { pruneShown, snooze } from '../reminders/snooze';
import { requireCourse } from './courses';
import { clockOf, planOf, sequenceOf, type PaceDeps } from './pace-service';

/** What is due and when, across courses: the agenda, reminders and the calendar file. */

export async function agenda(deps: PaceDeps, days: number): Promise<Agenda> {
  const clock = clockOf(deps);
  const courses = [];
  for (const course of deps.progress.data.courses) {
    const emails = await sequenceOf(deps.library, course);
    const { schedule } = planCourse(planOf(deps, course), emails, deps.progress.data.emails, clock);
    courses.push({ courseId: course.id, title: course.title, schedule });
  }
  return buildAgenda(courses, todayOf(clock), days);
}

export async function reminders(deps: PaceDeps): Promise<RemindersView> {
  const clock = clockOf(deps);
  const courses: ReminderCourse[] = [];
  let dueCount = 0;
  for (const course of deps.progress.data.courses) {
    const emails = await sequenceOf(deps.library, course);
    const plan = planOf(deps, course);
    const states = deps.progress.data.emails;
    courses.push({ courseId: course.id, title: course.title, plan, emails, states });
    const status = courseStatus(plan, emails, states, clock);
    if (!status.paused) dueCount += status.dueNow;
  }
  const { settings, shown } = deps.progress.data.reminders;
  const plan = planReminders({ courses, settings, shown, now: clock.now, zone: clock.zone });
  return { ...plan, dueCount };
}

export async function markShown(deps: PaceDeps, records: ShownReminder[]): Promise<void> {
  const today = todayOf(clockOf(deps));
  await deps.progress.update((draft) => {
    const keys = new Set(records.map((r) => r.key));
    const kept = draft.reminders.shown.filter((r) => !keys.has(r.key));
    draft.reminders.shown = pruneShown([...kept, ...records], today);
  });
}

export async function snoozeReminders(
  deps: PaceDeps,
  choice: 'hour' | 'tomorrow',
  reminderKey?: string,
): Promise<void> {
  const clock = clockOf(deps);
  await deps.progress.update((draft) => {
    const next = snooze(
      draft.reminders.settings,
      draft.reminders.shown,
      choice,
      clock,
      reminderKey,
    );
    draft.reminders = { settings: next.settings, shown: next.shown };
  });
}

export async function exportIcs(
  deps: PaceDeps,
  courseId: string,
): Promise<{ fileName: string; text: string }> {
  const course = requireCourse(deps, courseId);
  const emails = await sequenceOf(deps.library, course);
  const { schedule } = planCourse(
    planOf(deps, course),
    emails,
    deps.progress.data.emails,
    clockOf(deps),
  );
  // ical-generator loads for an export, not when the core starts.
  const { icsFileName, toIcs } = await import('../transfer/ics');
  return {
    fileName: icsFileName(course.title),
    text: toIcs(course.title, schedule, { now: deps.now().toISOString() }),
  };
}
