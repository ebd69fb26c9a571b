import { StudylineError } from '../errors';
import { fromDayNumber, isValidDate, parseDate, toDayNumber, weekdayOfDayNumber } from './calendar-date';
import type { EmailStates, Plan, Schedule, ScheduledEmail, SequenceEmail } from './model';
import { localDateOf, todayOf } from './zoned-time';
import type { Clock } from './zoned-time';

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

export function studyDaySet(studyDays: readonly number[]): boolean[] {
  const set = [false, false, false, false, false, false, false];
  for (const day of studyDays) set[day] = true;
  if (!set.includes(true)) {
    throw new StudylineError('invalid-input', 'Choose at least one study day in the week.');
  }
  return set;
}

/** The first study day on or after the given day number. */
export function nextStudyDay(dayNumber: number, studySet: readonly boolean[]): number {
  for (let step = 0; step < 7; step += 1) {
    if (studySet[weekdayOfDayNumber(dayNumber + step)]) return dayNumber + step;
  }
  return dayNumber;
}

/**
 * Each email's offset in days from the first email's send date. A send date
 * earlier than the one before it (a re-dated post) keeps the previous offset,
 * so the order of the sequence is never contradicted.
 */
export function originalOffsets(emails: readonly SequenceEmail[]): number[] {
  let first: number | undefined;
  let latest = 0;
  return emails.map((email) => {
    if (!isValidDate(email.sentOn)) {
      parseDate(email.sentOn, `The original send date of “${email.title}”`);
    }
    const day = toDayNumber(email.sentOn);
    first ??= day;
    latest = Math.max(latest, day - first);
    return latest;
  });
}

function baseDays(plan: Plan, emails: readonly SequenceEmail[], studySet: readonly boolean[]): number[] {
  const start = toDayNumber(plan.startOn);
  const { pace } = plan;
  if (pace.kind === 'per-week') {
    // The study days inside one week that begins on the start date.
    const slots = [0, 1, 2, 3, 4, 5, 6].filter((step) => studySet[weekdayOfDayNumber(start + step)]);
    return emails.map((_, index) => {
      const week = Math.floor(index / pace.perWeek);
      const slot = Math.floor(((index % pace.perWeek) * slots.length) / pace.perWeek);
      return start + week * 7 + (slots[slot] ?? 0);
    });
  }
  const offsets = originalOffsets(emails);
  if (pace.kind === 'factor') return offsets.map((offset) => start + Math.round(offset / pace.factor));
  return offsets.map((offset) => start + offset);
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

function shifted(base: number, doneOn: number | undefined, events: readonly ShiftEvent[], studySet: readonly boolean[]): number {
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
  const sorted = emails.every((email, index) => index === 0 || (emails[index - 1]?.order ?? 0) <= email.order);
  return sorted ? emails : [...emails].sort((a, b) => a.order - b.order);
}

/** Day numbers for every email; the basis of the schedule, the status and catch-up. */
export function rawSchedule(
  plan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  today: string,
  zone: string,
): RawSchedule {
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
  const running = plan.pauses.find((pause) => pause.to === undefined && toDayNumber(pause.from) <= todayNumber);
  const current = plan.pauses.find((pause) => pause.from <= today && pause.to !== undefined && today < pause.to);
  const pausedFrom = (running ?? current)?.from;
  const result: RawSchedule = { today: todayNumber, studySet, entries };
  if (pausedFrom !== undefined) result.pausedSince = toDayNumber(pausedFrom);
  return result;
}

function toScheduledEmail(entry: RawEntry): ScheduledEmail {
  const { email } = entry;
  const scheduled: ScheduledEmail = {
    id: email.id,
    order: email.order,
    title: email.title,
    sentOn: email.sentOn,
    dueOn: fromDayNumber(entry.due),
    shiftDays: entry.raw - entry.base,
    done: entry.done,
    opened: entry.opened,
    starred: entry.starred,
  };
  if (email.link !== undefined) scheduled.link = email.link;
  if (entry.doneOn !== undefined && Number.isFinite(entry.doneOn)) scheduled.doneOn = fromDayNumber(entry.doneOn);
  return scheduled;
}

export function scheduleFromRaw(plan: Plan, raw: RawSchedule): Schedule {
  const schedule: Schedule = {
    today: fromDayNumber(raw.today),
    startOn: plan.startOn,
    remindAt: plan.remindAt,
    studyDays: [...plan.studyDays],
    paused: raw.pausedSince !== undefined,
    emails: raw.entries.map(toScheduledEmail),
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
