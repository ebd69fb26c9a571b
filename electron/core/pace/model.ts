import type { EmailState } from '../library/model';
import type {
  CatchUp,
  CourseStatus,
  NextEmail,
  Pace,
  Pause,
  Plan,
  PlanInput,
  Standing,
  Weekday,
} from '../../shared/pace-types';

/**
 * The learner's own pace: plain JSON data, stored in progress.json. The shapes
 * that cross IPC (plans, status) are the contract's (electron/shared/pace-types);
 * what stays inside the core (the schedule) is defined here.
 */

export type { EmailState };
export type { CatchUp, CourseStatus, NextEmail, Pace, Pause, Plan, PlanInput, Standing, Weekday };

export const ALL_WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** One email of a sequence, in send order. */
export interface SequenceEmail {
  id: string;
  order: number;
  /** Original send date, 'YYYY-MM-DD'. */
  sentOn: string;
  title: string;
  link?: string;
}

export type EmailStates = Record<string, EmailState>;

export const DEFAULT_REMIND_AT = '09:00';

export const PACE_LIMITS = {
  minFactor: 0.1,
  maxFactor: 10,
  minPerWeek: 1,
  maxPerWeek: 100,
} as const;

/** Start today, at the original rhythm, every day a study day, reminders at 09:00. */
export function defaultPlan(today: string): Plan {
  return {
    startOn: today,
    pace: { kind: 'as-sent' },
    studyDays: [...ALL_WEEKDAYS],
    remindAt: DEFAULT_REMIND_AT,
    pauses: [],
    catchUps: [],
  };
}

/** One email with its place in the learner's plan. */
export interface ScheduledEmail {
  id: string;
  order: number;
  title: string;
  link?: string;
  sentOn: string;
  /** Always a study day. */
  dueOn: string;
  /** The learner's week of their plan it falls in: week 1 starts on the plan's start day. */
  week: number;
  /** Days added by pauses and catch-ups. */
  shiftDays: number;
  done: boolean;
  /** Local date the learner marked it done. */
  doneOn?: string;
  opened: boolean;
  starred: boolean;
}

export interface Schedule {
  /** The local date the schedule was computed for. */
  today: string;
  startOn: string;
  remindAt: string;
  studyDays: Weekday[];
  paused: boolean;
  pausedSince?: string;
  emails: ScheduledEmail[];
}
