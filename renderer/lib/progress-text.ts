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

/** When the next email is due, in a few words: "next due Fri", "next due today", "next overdue 2 days". */
export function nextDueText(status: CourseStatus): string | undefined {
  if (!status.next || status.finished || status.paused) return undefined;
  const { dueOn } = status.next;
  const label = dueLabel(dueOn, status.today, false);
  if (!label) return undefined;
  return `next ${label.text}`;
}

/** The one-line summary: "5/16 done · On track · next due Fri". */
export function summaryParts(status: CourseStatus): { done: string; next?: string } {
  return { done: `${status.done}/${status.total} done`, next: nextDueText(status) };
}

/** The finish line: one date, the plan's (the learner changes the plan to move it). */
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
  return planned ? `Finish by ${formatDay(planned, { today })}` : undefined;
}

/** What Catch up did, for the live region: the earliest open email is due today. */
export function caughtUpText(status: CourseStatus): string {
  if (!status.next) return 'Caught up.';
  return `Caught up: #${status.next.order} is ${dueSentence(status.next.dueOn, status.today)}.`;
}
