import type { CourseStatus, NextEmail } from '../../electron/shared/types';
import { dueLabel, dueSentence, formatDay } from './plan-dates';

export type StandingTone = 'finished' | 'paused' | 'behind' | 'ahead' | 'on-track';

/** Where the learner stands, in two words: "On track", "3 behind", "2 ahead", "Paused". */
export function standingOf(status: CourseStatus): { text: string; tone: StandingTone } {
  if (status.finished) return { text: 'Finished', tone: 'finished' };
  if (status.paused) return { text: 'Paused', tone: 'paused' };
  const { standing } = status;
  if (standing.kind === 'behind') return { text: `${standing.count} behind`, tone: 'behind' };
  if (standing.kind === 'ahead') return { text: `${standing.count} ahead`, tone: 'ahead' };
  return { text: 'On track', tone: 'on-track' };
}

/** "6 of 16 done". */
export function doneText(status: CourseStatus): string {
  return `${status.done} of ${status.total} done`;
}

/** "4-day streak", or nothing before the first day with something done. */
export function streakText(streak: number): string | undefined {
  return streak > 0 ? `${streak}-day streak` : undefined;
}

/** "#5 Conditionals…" and when it is due ("due Tue 3 Dec", "overdue 2 days") for the "Next:" line. */
export function nextText(next: NextEmail, today: string): { title: string; due: string } {
  const late = next.dueOn < today ? dueLabel(next.dueOn, today, false)?.text : undefined;
  return {
    title: `#${next.order} ${next.title || 'Untitled email'}`,
    due: late ?? dueSentence(next.dueOn, today),
  };
}

/** The finish line: the plan's date, and the learner's actual speed when it differs. */
export function finishText(status: CourseStatus): string | undefined {
  const { today } = status;
  if (status.finished) {
    return status.finishedOn
      ? `Finished on ${formatDay(status.finishedOn, { today })}`
      : 'Every email done';
  }
  if (status.paused) {
    return status.pausedSince
      ? `Paused since ${formatDay(status.pausedSince, { today })}`
      : undefined;
  }
  const planned = status.plannedFinishOn;
  if (!planned) return undefined;
  const text = `Finish by ${formatDay(planned, { today, weekday: false })}`;
  const estimate = status.estimatedFinishOn;
  if (!estimate || estimate === planned) return text;
  // The estimate's year only when it differs from the plan's: the line must fit the pane.
  return `${text} · at your pace ${formatDay(estimate, { today: planned, weekday: false })}`;
}

/** What Catch up did, for the live region: the earliest open email is due today. */
export function caughtUpText(status: CourseStatus): string {
  if (!status.next) return 'Caught up.';
  return `Caught up: #${status.next.order} is ${dueSentence(status.next.dueOn, status.today)}.`;
}
