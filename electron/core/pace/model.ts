import type { EmailState } from '../library/model';

/**
 * The learner's own pace: plain JSON data, stored in progress.json and sent
 * over IPC. Dates are local calendar dates 'YYYY-MM-DD'; instants are ISO.
 */

export type { EmailState };

/** Days of the week as JavaScript numbers them: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const ALL_WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export type Pace =
  /** The original rhythm: each email as many days after the start as it was sent after the first. */
  | { kind: 'as-sent' }
  /** Faster (> 1) or slower (< 1) than the original: 0.5 is half speed. */
  | { kind: 'factor'; factor: number }
  /** N emails each week, spread over the study days. */
  | { kind: 'per-week'; perWeek: number };

/**
 * A break. `from` is the first paused day; `to` is the day studying resumes
 * (not paused itself). While `to` is absent the pause is still running.
 */
export interface Pause {
  from: string;
  to?: string;
}

/** "Catch up" pressed on `on`: every email not done by then was moved `days` later. */
export interface CatchUp {
  on: string;
  days: number;
}

export interface Plan {
  startOn: string;
  pace: Pace;
  /** Sorted, without duplicates, at least one. */
  studyDays: Weekday[];
  /** Local time of day for reminders, 'HH:MM'. */
  remindAt: string;
  /** Chronological, never overlapping; only the last one may still be running. */
  pauses: Pause[];
  catchUps: CatchUp[];
}

/** What a learner (or the IPC layer) hands in; validatePlanInput turns it into a Plan. */
export interface PlanInput {
  startOn: string;
  pace: Pace;
  studyDays: number[];
  remindAt: string;
  pauses?: Pause[];
  catchUps?: CatchUp[];
}

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

export type Standing =
  { kind: 'on-track' } | { kind: 'behind'; count: number } | { kind: 'ahead'; count: number };

export interface NextEmail {
  emailId: string;
  order: number;
  title: string;
  dueOn: string;
  overdue: boolean;
}

export interface CourseStatus {
  today: string;
  total: number;
  done: number;
  opened: number;
  starred: number;
  /** Whole percent done, 100 only when every email is done. */
  percent: number;
  standing: Standing;
  /** Emails not done whose due date has passed. */
  behind: number;
  /** Emails done before their due date, which is still to come. */
  ahead: number;
  /** The earliest email not done yet. */
  next?: NextEmail;
  /** Emails not done that are due today or earlier. */
  dueNow: number;
  /** Study days in a row, up to today, with at least one email done. */
  streak: number;
  finished: boolean;
  finishedOn?: string;
  paused: boolean;
  pausedSince?: string;
  plannedFinishOn?: string;
  /** Projected from the learner's actual speed; absent before anything is done. */
  estimatedFinishOn?: string;
}
