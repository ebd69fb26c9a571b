import { StudylineError } from '../errors';
import { parseDate } from './calendar-date';
import { PACE_LIMITS } from './model';
import type { CatchUp, Pace, Pause, Plan, Weekday } from './model';
import { isValidTimeOfDay } from './zoned-time';

/**
 * Turns what a learner asked for (a PlanInput from the UI, the CLI or a file)
 * into a Plan, or says in plain words what is impossible about it. Accepts
 * `unknown` because it also guards data read back from disk.
 */
export function validatePlanInput(input: unknown): Plan {
  if (!isRecord(input)) invalid('The study plan is missing or unreadable.');
  return {
    startOn: parseDate(input.startOn, 'The start date'),
    pace: validatePace(input.pace),
    studyDays: validateStudyDays(input.studyDays),
    remindAt: validateRemindAt(input.remindAt),
    pauses: validatePauses(input.pauses ?? []),
    catchUps: validateCatchUps(input.catchUps ?? []),
  };
}

function invalid(message: string, hint?: string): never {
  throw new StudylineError('invalid-input', message, hint ? { hint } : {});
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validatePace(pace: unknown): Pace {
  const kind = isRecord(pace) ? pace.kind : undefined;
  if (kind === 'as-sent') return { kind };
  if (kind === 'factor' && isRecord(pace)) {
    const factor = pace.factor;
    const { minFactor, maxFactor } = PACE_LIMITS;
    if (typeof factor !== 'number' || !(factor >= minFactor && factor <= maxFactor)) {
      invalid(
        `A pace of ${String(factor)} times the original speed is not possible.`,
        `Choose a speed between ${minFactor} (ten times slower) and ${maxFactor} (ten times faster); 0.5 is half speed.`,
      );
    }
    return { kind, factor };
  }
  if (kind === 'per-week' && isRecord(pace)) {
    const perWeek = pace.perWeek;
    const { minPerWeek, maxPerWeek } = PACE_LIMITS;
    if (
      typeof perWeek !== 'number' ||
      !Number.isInteger(perWeek) ||
      perWeek < minPerWeek ||
      perWeek > maxPerWeek
    ) {
      invalid(
        `${String(perWeek)} emails per week is not possible.`,
        `Choose a whole number of emails per week from ${minPerWeek} to ${maxPerWeek}.`,
      );
    }
    return { kind, perWeek };
  }
  return invalid(
    'The pace must be “as sent”, a speed (such as half speed), or a number of emails per week.',
  );
}

export function validateStudyDays(days: unknown): Weekday[] {
  if (!Array.isArray(days) || days.length === 0) {
    invalid('Choose at least one study day in the week.');
  }
  for (const day of days) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      invalid(
        `“${String(day)}” is not a day of the week.`,
        'Study days go from 0 (Sunday) to 6 (Saturday).',
      );
    }
  }
  return [...new Set(days as Weekday[])].sort((a, b) => a - b);
}

export function validateRemindAt(time: unknown): string {
  if (typeof time === 'string' && isValidTimeOfDay(time)) return time;
  return invalid(
    `The reminder time “${String(time)}” is not a time of day.`,
    'Use HH:MM, for example 09:00.',
  );
}

function validatePauses(pauses: unknown): Pause[] {
  if (!Array.isArray(pauses)) invalid('The list of pauses is unreadable.');
  const checked: Pause[] = [];
  for (const pause of pauses) {
    if (!isRecord(pause)) invalid('A pause in the plan is unreadable.');
    const from = parseDate(pause.from, 'The first day of a pause');
    if (pause.to === undefined) {
      checked.push({ from });
      continue;
    }
    const to = parseDate(pause.to, 'The day a pause ends');
    if (to < from) invalid(`A pause cannot end (${to}) before it starts (${from}).`);
    if (to > from) checked.push({ from, to });
  }
  checked.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  checked.forEach((pause, index) => {
    const next = checked[index + 1];
    if (!next) return;
    if (pause.to === undefined)
      invalid('Only the last pause can still be running: resume before pausing again.');
    if (next.from < pause.to) {
      invalid(
        `Two pauses overlap (one ends ${pause.to}, the next starts ${next.from}).`,
        'Merge them into one.',
      );
    }
  });
  return checked;
}

function validateCatchUps(catchUps: unknown): CatchUp[] {
  if (!Array.isArray(catchUps)) invalid('The list of catch-ups is unreadable.');
  const checked = catchUps.map((catchUp: unknown): CatchUp => {
    if (!isRecord(catchUp)) invalid('A catch-up in the plan is unreadable.');
    const on = parseDate(catchUp.on, 'The day of a catch-up');
    const days = catchUp.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 36_500) {
      invalid(`A catch-up of ${String(days)} days is not possible.`);
    }
    return { on, days };
  });
  return checked.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
