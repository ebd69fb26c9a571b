import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from '../pace/calendar-date';
import { isPausedOn } from '../pace/plan-ops';
import { rawSchedule } from '../pace/schedule';
import type { RawEntry, RawSchedule } from '../pace/schedule';
import { localDateOf, parseInstant, todayOf, zonedInstant } from '../pace/zoned-time';
import { NUDGE_AFTER_DAYS } from './model';
import type {
  NudgeLevel,
  Reminder,
  ReminderCourse,
  ReminderPlan,
  ReminderPlanInput,
  ShownReminder,
} from './model';
import { buildReminder, reminderKey } from './reminder-slot';
import type { Slot } from './reminder-slot';

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

/** Where one course stands as the planner walks forward day by day. */
interface Track {
  course: ReminderCourse;
  studySet: readonly boolean[];
  /** Due days of the emails not done, earliest first. */
  dues: number[];
  dueCount: number;
  behind: number;
  since: number;
  levelShown: number;
}

function startTrack(
  course: ReminderCourse,
  context: Context,
): { track: Track; next: RawEntry } | undefined {
  const today = fromDayNumber(context.today);
  const raw = rawSchedule(course.plan, course.emails, course.states, today, context.zone);
  const open = raw.entries.filter((entry) => !entry.done);
  const next = open[0];
  if (!next) return undefined;
  const since = idleSince(raw, course.plan.startOn);
  const track: Track = {
    course,
    studySet: raw.studySet,
    dues: open.map((entry) => entry.due).sort((a, b) => a - b),
    dueCount: 0,
    behind: 0,
    since,
    levelShown: nudgeLevelShown(context.shown, course.courseId, fromDayNumber(since)),
  };
  return { track, next };
}

/** The reminder slot of a day, if that day has one; days must come in order. */
function slotOn(track: Track, dayNumber: number, context: Context): Slot | undefined {
  const { course, dues } = track;
  while (track.dueCount < dues.length && (dues[track.dueCount] ?? Infinity) <= dayNumber)
    track.dueCount += 1;
  while (track.behind < dues.length && (dues[track.behind] ?? Infinity) < dayNumber)
    track.behind += 1;
  const day = fromDayNumber(dayNumber);
  if (!track.studySet[weekdayOfDayNumber(dayNumber)] || isPausedOn(course.plan, day))
    return undefined;
  const level = nudgeLevelOn(dayNumber - track.since);
  const nudge = level > track.levelShown ? level : 0;
  if (track.dueCount === 0 && nudge === 0) return undefined;
  if (context.shownKeys.has(reminderKey(course.courseId, day))) return undefined;
  const fireMs = fireTime(course, day, context);
  if (fireMs === undefined) return undefined;
  const slot: Slot = { day, fireMs, dueCount: track.dueCount, behind: track.behind };
  if (nudge !== 0) {
    slot.idleDays = dayNumber - track.since;
    slot.nudge = { idleSince: fromDayNumber(track.since), level: nudge };
    track.levelShown = nudge;
  }
  return slot;
}

/** This course's reminders from today on, day by day. */
function courseReminders(course: ReminderCourse, context: Context): Reminder[] {
  const started = startTrack(course, context);
  if (!started) return [];
  const reminders: Reminder[] = [];
  for (let day = context.today; day < context.today + context.horizonDays; day += 1) {
    const slot = slotOn(started.track, day, context);
    if (slot) reminders.push(buildReminder(course, started.next, slot, context.nowMs));
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
