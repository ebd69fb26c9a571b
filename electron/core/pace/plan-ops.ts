import { StudylineError } from '../errors';
import { formatDay, fromDayNumber, parseDate } from './calendar-date';
import type { EmailStates, Plan, SequenceEmail } from './model';
import { rawSchedule } from './schedule';
import { todayOf } from './zoned-time';
import type { Clock } from './zoned-time';

/**
 * What a learner does to their plan. Each returns a new plan and never
 * touches progress: what is done stays done.
 */

/** True when `day` falls inside a pause (a running pause covers every day from its start). */
export function isPausedOn(plan: Plan, day: string): boolean {
  return plan.pauses.some(
    (pause) => pause.from <= day && (pause.to === undefined || day < pause.to),
  );
}

/**
 * Starts a pause today. Pausing while already paused changes nothing; pausing
 * again on a day an earlier pause still covers (the clock went back) keeps
 * that pause running instead of opening an overlapping one.
 */
export function pause(plan: Plan, today: string): Plan {
  parseDate(today, 'Today');
  const last = plan.pauses.at(-1);
  if (last && last.to === undefined && last.from <= today) return plan;
  if (last && last.to !== undefined && last.from <= today && today < last.to) {
    return { ...plan, pauses: [...plan.pauses.slice(0, -1), { from: last.from }] };
  }
  const planned = plan.pauses.find((item) => item.from > today && item.to !== undefined);
  if (planned) {
    throw new StudylineError(
      'invalid-input',
      `A break is already planned from ${formatDay(planned.from, true)}.`,
      {
        hint: 'Remove that break first, then pause now.',
      },
    );
  }
  // A running pause set to begin later is replaced by one beginning now.
  const earlier = last && last.to === undefined ? plan.pauses.slice(0, -1) : plan.pauses;
  return { ...plan, pauses: [...earlier, { from: today }] };
}

/**
 * Ends the running pause today: every email not done moves later by the
 * pause's length. Resuming on the day the pause began forgets it.
 */
export function resume(plan: Plan, today: string): Plan {
  parseDate(today, 'Today');
  const index = plan.pauses.findIndex((item) => item.to === undefined);
  const running = plan.pauses[index];
  if (!running) return plan;
  const pauses = [...plan.pauses];
  if (today <= running.from) pauses.splice(index, 1);
  else pauses[index] = { from: running.from, to: today };
  return { ...plan, pauses };
}

/**
 * "Shift my deadlines": when behind, moves every email not done so the
 * earliest of them is due today (the next study day when today is a day
 * off). Done emails keep their dates; when not behind, nothing changes, since
 * working ahead is always allowed.
 */
export function catchUp(
  plan: Plan,
  emails: readonly SequenceEmail[],
  states: EmailStates,
  clock: Clock,
): Plan {
  const today = todayOf(clock);
  const raw = rawSchedule(plan, emails, states, today, clock.zone);
  const earliest = raw.entries.find((entry) => !entry.done);
  if (!earliest || earliest.due >= raw.today) return plan;
  const days = raw.today - earliest.raw;
  const catchUps = [...plan.catchUps, { on: fromDayNumber(raw.today), days }];
  return { ...plan, catchUps };
}
