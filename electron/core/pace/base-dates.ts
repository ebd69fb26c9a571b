import { StudylineError } from '../errors';
import { isValidDate, parseDate, toDayNumber, weekdayOfDayNumber } from './calendar-date';
import type { Plan, SequenceEmail } from './model';

/**
 * The plan before any pause or catch-up: the original rhythm (or the chosen
 * pace) laid from the start date onto the learner's study days.
 */

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

export function baseDays(
  plan: Plan,
  emails: readonly SequenceEmail[],
  studySet: readonly boolean[],
): number[] {
  const start = toDayNumber(plan.startOn);
  const { pace } = plan;
  if (pace.kind === 'per-week') {
    // The study days inside one week that begins on the start date.
    const slots = [0, 1, 2, 3, 4, 5, 6].filter(
      (step) => studySet[weekdayOfDayNumber(start + step)],
    );
    return emails.map((_, index) => {
      const week = Math.floor(index / pace.perWeek);
      const slot = Math.floor(((index % pace.perWeek) * slots.length) / pace.perWeek);
      return start + week * 7 + (slots[slot] ?? 0);
    });
  }
  const offsets = originalOffsets(emails);
  if (pace.kind === 'factor')
    return offsets.map((offset) => start + Math.round(offset / pace.factor));
  return offsets.map((offset) => start + offset);
}
