import { fromDayNumber, parseDate, toDayNumber } from './calendar-date';
import { baseDays, nextStudyDay, studyDaySet } from './base-dates';
import type { EmailStates, Plan, Schedule, ScheduledEmail, SequenceEmail } from './model';
import { localDateOf, todayOf } from './zoned-time';
import type { Clock } from './zoned-time';
import { validatePlanInput } from './validate-plan';

/**
 * Due dates: start + original offset ÷ pace in local calendar days, moved to
 * the next study day, then shifted by pauses and catch-ups for every email not
 * done when they happened. Work is linear in the number of emails (times the
 * handful of pauses), so a 1,000-email course plans instantly.
 */

export interface RawEntry {
  email: SequenceEmail;
  /** Day number before any shift and before moving to a study day (per-week: already one). */
  base: number;
  /** Day number after shifts, before moving to a study day. */
  raw: number;
  due: number;
  done: boolean;
  /** Local day number the email was marked done; -Infinity when the stored time is unreadable. */
  doneOn?: number;
  opened: boolean;
  starred: boolean;
}

export interface RawSchedule {
  today: number;
  studySet: readonly boolean[];
  entries: RawEntry[];
  pausedSince?: number;
}

interface ShiftEvent {
  from: number;
  days: number;
  /** A pause that has not begun only moves emails due from its first day on. */
  future: boolean;
}

function shiftEvents(plan: Plan, today: number): ShiftEvent[] {
  const events: ShiftEvent[] = plan.pauses.map((pause) => {
    const from = toDayNumber(pause.from);
    const until = pause.to === undefined ? Math.max(from, today) : toDayNumber(pause.to);
    return { from, days: until - from, future: from > today };
  });
  for (const catchUp of plan.catchUps) {
    events.push({ from: toDayNumber(catchUp.on), days: catchUp.days, future: false });
  }
  return events.sort((a, b) => a.from - b.from);
}

function doneDay(doneAt: string | undefined, zone: string): number | undefined {
  if (doneAt === undefined) return undefined;
  const ms = Date.parse(doneAt);
  return Number.isFinite(ms) ? toDayNumber(localDateOf(ms, zone)) : Number.NEGATIVE_INFINITY;
}

function shifted(
  base: number,
  doneOn: number | undefined,
  events: readonly ShiftEvent[],
  studySet: readonly boolean[],
): number {
  let day = base;
  for (const event of events) {
    // Done on or before the day of the pause / catch-up: that email keeps its date.
    if (doneOn !== undefined && doneOn <= event.from) continue;
    if (event.future && nextStudyDay(day, studySet) < event.from) continue;
    day += event.days;
  }
  return day;
}

function sortedByOrder(emails: readonly SequenceEmail[]): readonly SequenceEmail[] {
  const sorted = emails.every(
    (email, index) => index === 0 || (emails[index - 1]?.order ?? 0) <= email.order,
  );
  return sorted ? emails : [...emails].sort((a, b) => a.order - b.order);
}

/** Day numbers for every email; the basis of the schedule, the status and catch-up. */
export function rawSchedule(
  storedPlan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  today: string,
  zone: string,
): RawSchedule {
  // Plans come back from disk and over IPC: an impossible one gets a clear message, not NaN dates.
  const plan = validatePlanInput(storedPlan);
  const todayNumber = toDayNumber(parseDate(today, 'Today'));
  const studySet = studyDaySet(plan.studyDays);
  const ordered = sortedByOrder(emails);
  const bases = baseDays(plan, ordered, studySet);
  const events = shiftEvents(plan, todayNumber);
  const entries = ordered.map((email, index): RawEntry => {
    const state = Object.hasOwn(states, email.id) ? states[email.id] : undefined;
    const doneOn = doneDay(state?.doneAt, zone);
    const base = bases[index] ?? 0;
    const raw = shifted(base, doneOn, events, studySet);
    const entry: RawEntry = {
      email,
      base,
      raw,
      due: nextStudyDay(raw, studySet),
      done: doneOn !== undefined,
      opened: !!state?.openedAt,
      starred: !!state?.starred,
    };
    if (doneOn !== undefined) entry.doneOn = doneOn;
    return entry;
  });
  const running = plan.pauses.find(
    (pause) => pause.to === undefined && toDayNumber(pause.from) <= todayNumber,
  );
  const current = plan.pauses.find(
    (pause) => pause.from <= today && pause.to !== undefined && today < pause.to,
  );
  const pausedFrom = (running ?? current)?.from;
  const result: RawSchedule = { today: todayNumber, studySet, entries };
  if (pausedFrom !== undefined) result.pausedSince = toDayNumber(pausedFrom);
  return result;
}

/**
 * Week of the learner's plan a day falls in: week 1 is the seven days from the
 * start; a day before the start (catch-up can pull one there) is still week 1.
 */
export function planWeek(startDay: number, day: number): number {
  return Math.max(1, Math.floor((day - startDay) / 7) + 1);
}

function toScheduledEmail(entry: RawEntry, startDay: number): ScheduledEmail {
  const { email } = entry;
  const scheduled: ScheduledEmail = {
    id: email.id,
    order: email.order,
    title: email.title,
    sentOn: email.sentOn,
    dueOn: fromDayNumber(entry.due),
    week: planWeek(startDay, entry.due),
    shiftDays: entry.raw - entry.base,
    done: entry.done,
    opened: entry.opened,
    starred: entry.starred,
  };
  if (email.link !== undefined) scheduled.link = email.link;
  if (entry.doneOn !== undefined && Number.isFinite(entry.doneOn))
    scheduled.doneOn = fromDayNumber(entry.doneOn);
  return scheduled;
}

export function scheduleFromRaw(plan: Plan, raw: RawSchedule): Schedule {
  const schedule: Schedule = {
    today: fromDayNumber(raw.today),
    startOn: plan.startOn,
    remindAt: plan.remindAt,
    studyDays: [...plan.studyDays],
    paused: raw.pausedSince !== undefined,
    emails: raw.entries.map((entry) => toScheduledEmail(entry, toDayNumber(plan.startOn))),
  };
  if (raw.pausedSince !== undefined) schedule.pausedSince = fromDayNumber(raw.pausedSince);
  return schedule;
}

/** Every email's due date and state, as seen on the clock's local today. */
export function computeSchedule(
  plan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  clock: Clock,
): Schedule {
  return scheduleFromRaw(plan, rawSchedule(plan, emails, states, todayOf(clock), clock.zone));
}
