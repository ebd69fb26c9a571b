import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from '../pace/calendar-date';
import { isPausedOn } from '../pace/plan-ops';
import { rawSchedule } from '../pace/schedule';
import type { RawEntry, RawSchedule } from '../pace/schedule';
import { localDateOf, parseInstant, todayOf, toIsoInstant, zonedInstant } from '../pace/zoned-time';
import { NUDGE_AFTER_DAYS } from './model';
import type {
  NudgeLevel,
  Reminder,
  ReminderCourse,
  ReminderPlan,
  ReminderPlanInput,
  ShownReminder,
} from './model';
import { reminderText } from './reminder-text';

/**
 * Decides what to remind and when; main only arms one timer for nextFireAt,
 * shows `showNow`, stores their records, and plans again (after every change,
 * on wake from sleep, on a clock change).
 *
 * One reminder per course per study day, at the learner's time, when an email
 * is due or overdue, or a nudge is due after 3 or 10 days with nothing done.
 * Only today and later days are ever considered: days missed while the
 * machine slept are not replayed, so waking shows at most one per course.
 */

const DEFAULT_HORIZON_DAYS = 14;
/** A timer firing a little after its time is not "late"; a machine that slept is. */
const LATE_AFTER_MS = 60_000;

interface Context {
  nowMs: number;
  today: number;
  zone: string;
  horizonDays: number;
  shownKeys: ReadonlySet<string>;
  shown: readonly ShownReminder[];
  /** Reminders are held back until then (epoch ms), when in the future. */
  snoozeMs?: number;
  snoozeDay?: string;
}

export function reminderKey(courseId: string, day: string): string {
  return `${courseId}/${day}`;
}

function makeContext(input: ReminderPlanInput): Context {
  const nowMs = parseInstant(input.now, 'The current time');
  const today = toDayNumber(todayOf({ now: input.now, zone: input.zone }));
  const context: Context = {
    nowMs,
    today,
    zone: input.zone,
    horizonDays: input.horizonDays ?? DEFAULT_HORIZON_DAYS,
    shownKeys: new Set(input.shown.map((record) => record.key)),
    shown: input.shown,
  };
  // An unreadable stored snooze must not silence reminders for good.
  const snoozeMs =
    input.settings.snoozedUntil === undefined
      ? Number.NaN
      : Date.parse(input.settings.snoozedUntil);
  if (snoozeMs > nowMs) {
    context.snoozeMs = snoozeMs;
    context.snoozeDay = localDateOf(snoozeMs, input.zone);
  }
  return context;
}

/** The last day something was done (or the start, if later): where the current idle spell began. */
function idleSince(raw: RawSchedule, startOn: string): number {
  let last = toDayNumber(startOn);
  for (const entry of raw.entries) {
    if (entry.doneOn !== undefined && Number.isFinite(entry.doneOn))
      last = Math.max(last, entry.doneOn);
  }
  return last;
}

function nudgeLevelShown(shown: readonly ShownReminder[], courseId: string, since: string): number {
  let level = 0;
  for (const record of shown) {
    if (record.courseId === courseId && record.nudge?.idleSince === since)
      level = Math.max(level, record.nudge.level);
  }
  return level;
}

function nudgeLevelOn(idleDays: number): NudgeLevel | 0 {
  let level: NudgeLevel | 0 = 0;
  for (const threshold of NUDGE_AFTER_DAYS) if (idleDays >= threshold) level = threshold;
  return level;
}

/** When a reminder for `day` may be shown, or undefined when a snooze swallows it. */
function fireTime(course: ReminderCourse, day: string, context: Context): number | undefined {
  const planned = zonedInstant(day, course.plan.remindAt, context.zone);
  if (context.snoozeMs === undefined || planned >= context.snoozeMs) return planned;
  return context.snoozeDay === day ? context.snoozeMs : undefined;
}

interface Slot {
  day: string;
  fireMs: number;
  dueCount: number;
  behind: number;
  idleDays?: number;
  nudge?: { idleSince: string; level: NudgeLevel };
}

function buildReminder(
  course: ReminderCourse,
  next: RawEntry,
  slot: Slot,
  context: Context,
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
    shownAt: toIsoInstant(Math.max(context.nowMs, slot.fireMs)),
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
    late: slot.fireMs < context.nowMs - LATE_AFTER_MS,
    record,
  };
  if (slot.idleDays !== undefined) reminder.idleDays = slot.idleDays;
  return reminder;
}

/** This course's reminders from today on, day by day. */
function courseReminders(course: ReminderCourse, context: Context): Reminder[] {
  const raw = rawSchedule(
    course.plan,
    course.emails,
    course.states,
    fromDayNumber(context.today),
    context.zone,
  );
  const open = raw.entries.filter((entry) => !entry.done);
  const next = open[0];
  if (!next) return [];
  const dues = open.map((entry) => entry.due).sort((a, b) => a - b);
  const since = idleSince(raw, course.plan.startOn);
  const sinceDate = fromDayNumber(since);
  let levelShown = nudgeLevelShown(context.shown, course.courseId, sinceDate);
  const reminders: Reminder[] = [];
  let dueCount = 0;
  let behind = 0;
  for (
    let dayNumber = context.today;
    dayNumber < context.today + context.horizonDays;
    dayNumber += 1
  ) {
    while (dueCount < dues.length && (dues[dueCount] ?? Infinity) <= dayNumber) dueCount += 1;
    while (behind < dues.length && (dues[behind] ?? Infinity) < dayNumber) behind += 1;
    const day = fromDayNumber(dayNumber);
    if (!raw.studySet[weekdayOfDayNumber(dayNumber)] || isPausedOn(course.plan, day)) continue;
    const level = nudgeLevelOn(dayNumber - since);
    const nudge = level > levelShown ? level : 0;
    if ((dueCount === 0 && nudge === 0) || context.shownKeys.has(reminderKey(course.courseId, day)))
      continue;
    const fireMs = fireTime(course, day, context);
    if (fireMs === undefined) continue;
    const slot: Slot = { day, fireMs, dueCount, behind };
    if (nudge !== 0) {
      slot.idleDays = dayNumber - since;
      slot.nudge = { idleSince: sinceDate, level: nudge };
      levelShown = nudge;
    }
    reminders.push(buildReminder(course, next, slot, context));
  }
  return reminders;
}

export function planReminders(input: ReminderPlanInput): ReminderPlan {
  const context = makeContext(input);
  const { settings } = input;
  const showNow: Reminder[] = [];
  const upcoming: Reminder[] = [];
  if (!settings.enabled) return { showNow, upcoming };
  for (const course of input.courses) {
    if (settings.offCourseIds.includes(course.courseId)) continue;
    for (const reminder of courseReminders(course, context)) {
      if (Date.parse(reminder.fireAt) <= context.nowMs) showNow.push(reminder);
      else upcoming.push(reminder);
    }
  }
  upcoming.sort((a, b) => Date.parse(a.fireAt) - Date.parse(b.fireAt));
  const plan: ReminderPlan = { showNow, upcoming };
  if (upcoming[0]) plan.nextFireAt = upcoming[0].fireAt;
  return plan;
}
