import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from './calendar-date';
import type {
  CourseStatus,
  EmailStates,
  NextEmail,
  Plan,
  Schedule,
  SequenceEmail,
  Standing,
} from './model';
import { nextStudyDay } from './base-dates';
import { rawSchedule, scheduleFromRaw } from './schedule';
import type { RawSchedule } from './schedule';
import { todayOf } from './zoned-time';
import type { Clock } from './zoned-time';

/** Paused day ranges as day numbers [from, until), an open pause running to the far future. */
function pausedRanges(plan: Plan): Array<[number, number]> {
  return plan.pauses.map((pause) => [
    toDayNumber(pause.from),
    pause.to === undefined ? Number.POSITIVE_INFINITY : toDayNumber(pause.to),
  ]);
}

function isPaused(day: number, ranges: ReadonlyArray<[number, number]>): boolean {
  return ranges.some(([from, until]) => day >= from && day < until);
}

/**
 * Study days in a row with something done, ending today. Today only counts
 * once something is done (it is not over yet); days off and paused days
 * neither count nor break the streak.
 */
export function studyStreak(raw: RawSchedule, plan: Plan): number {
  const doneDays = new Set<number>();
  let earliest = Number.POSITIVE_INFINITY;
  for (const entry of raw.entries) {
    if (entry.doneOn === undefined || !Number.isFinite(entry.doneOn)) continue;
    doneDays.add(entry.doneOn);
    earliest = Math.min(earliest, entry.doneOn);
  }
  const ranges = pausedRanges(plan);
  let streak = doneDays.has(raw.today) && raw.studySet[weekdayOfDayNumber(raw.today)] ? 1 : 0;
  for (let day = raw.today - 1; day >= earliest; day -= 1) {
    if (!raw.studySet[weekdayOfDayNumber(day)] || isPaused(day, ranges)) continue;
    if (!doneDays.has(day)) break;
    streak += 1;
  }
  return streak;
}

function pausedDaysBetween(
  first: number,
  last: number,
  ranges: ReadonlyArray<[number, number]>,
): number {
  let total = 0;
  for (const [from, until] of ranges) {
    total += Math.max(0, Math.min(until, last + 1) - Math.max(from, first));
  }
  return total;
}

/**
 * Finish date at the learner's actual speed: emails done per active (not
 * paused) calendar day since they started, applied to what is left.
 */
function estimateFinish(raw: RawSchedule, plan: Plan, done: number): number | undefined {
  const remaining = raw.entries.length - done;
  let firstDone = Number.POSITIVE_INFINITY;
  let lastDone = Number.NEGATIVE_INFINITY;
  for (const { doneOn } of raw.entries) {
    if (doneOn === undefined || !Number.isFinite(doneOn)) continue;
    firstDone = Math.min(firstDone, doneOn);
    lastDone = Math.max(lastDone, doneOn);
  }
  if (done === 0 || !Number.isFinite(lastDone)) return undefined;
  if (remaining === 0) return lastDone;
  const first = Math.min(toDayNumber(plan.startOn), firstDone);
  const active = raw.today - first + 1 - pausedDaysBetween(first, raw.today, pausedRanges(plan));
  const perDay = done / Math.max(1, active);
  return nextStudyDay(raw.today + Math.ceil(remaining / perDay), raw.studySet);
}

function standingOf(behind: number, ahead: number): Standing {
  if (behind > 0) return { kind: 'behind', count: behind };
  if (ahead > 0) return { kind: 'ahead', count: ahead };
  return { kind: 'on-track' };
}

interface Counts {
  done: number;
  opened: number;
  starred: number;
  behind: number;
  ahead: number;
  dueNow: number;
  doneToday: number;
  plannedFinish: number;
  next?: NextEmail;
}

function countEntries(raw: RawSchedule): Counts {
  const counts: Counts = {
    done: 0,
    opened: 0,
    starred: 0,
    behind: 0,
    ahead: 0,
    dueNow: 0,
    doneToday: 0,
    plannedFinish: -Infinity,
  };
  for (const entry of raw.entries) {
    counts.plannedFinish = Math.max(counts.plannedFinish, entry.due);
    if (entry.opened) counts.opened += 1;
    if (entry.starred) counts.starred += 1;
    if (entry.done) {
      counts.done += 1;
      if (entry.doneOn === raw.today) counts.doneToday += 1;
      if (entry.due > raw.today) counts.ahead += 1;
      continue;
    }
    if (entry.due < raw.today) counts.behind += 1;
    if (entry.due <= raw.today) counts.dueNow += 1;
    if (!counts.next) {
      const { id: emailId, order, title } = entry.email;
      counts.next = {
        emailId,
        order,
        title,
        dueOn: fromDayNumber(entry.due),
        overdue: entry.due < raw.today,
      };
    }
  }
  return counts;
}

/** Counts, standing, next email, streak and finish dates from a computed schedule. */
export function statusFromRaw(plan: Plan, raw: RawSchedule): CourseStatus {
  const { next, plannedFinish, ...counts } = countEntries(raw);
  const total = raw.entries.length;
  const finished = total > 0 && counts.done === total;
  const estimate = estimateFinish(raw, plan, counts.done);
  const status: CourseStatus = {
    today: fromDayNumber(raw.today),
    total,
    ...counts,
    percent: total === 0 ? 0 : Math.floor((counts.done * 100) / total),
    standing: standingOf(counts.behind, counts.ahead),
    streak: studyStreak(raw, plan),
    finished,
    paused: raw.pausedSince !== undefined,
  };
  if (next) status.next = next;
  if (finished && estimate !== undefined) status.finishedOn = fromDayNumber(estimate);
  if (raw.pausedSince !== undefined) status.pausedSince = fromDayNumber(raw.pausedSince);
  if (total > 0) status.plannedFinishOn = fromDayNumber(plannedFinish);
  if (estimate !== undefined) status.estimatedFinishOn = fromDayNumber(estimate);
  return status;
}

/** The full plan and status of one course, as the UI, the CLI and the benchmark need them. */
export function planCourse(
  plan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  clock: Clock,
): { schedule: Schedule; status: CourseStatus } {
  const raw = rawSchedule(plan, emails, states, todayOf(clock), clock.zone);
  return { schedule: scheduleFromRaw(plan, raw), status: statusFromRaw(plan, raw) };
}

/** The status alone. */
export function courseStatus(
  plan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  clock: Clock,
): CourseStatus {
  return statusFromRaw(plan, rawSchedule(plan, emails, states, todayOf(clock), clock.zone));
}
