/**
 * The learner's own pace as it crosses IPC: plans, where they stand, the
 * agenda and reminders. Plain JSON data: dates are local calendar dates
 * 'YYYY-MM-DD', instants are ISO. The core computes these (electron/core/pace,
 * electron/core/reminders) and stores plans as they are written here.
 */

/** Days of the week as JavaScript numbers them: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

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

/** What a learner (or the IPC layer) hands in; the core validates it into a Plan. */
export interface PlanInput {
  startOn: string;
  pace: Pace;
  studyDays: number[];
  remindAt: string;
  pauses?: Pause[];
  catchUps?: CatchUp[];
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
  /** Emails marked done today (the learner's calendar day). */
  doneToday: number;
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

export interface AgendaEntry {
  courseId: string;
  courseTitle: string;
  emailId: string;
  order: number;
  title: string;
  dueOn: string;
  done: boolean;
  /** The course is paused: its dates keep moving until it resumes. */
  paused: boolean;
}

export interface AgendaDay {
  date: string;
  /** Course by course, in sequence order. */
  entries: AgendaEntry[];
}

/** What is due, day by day, across the courses a learner follows. */
export interface Agenda {
  today: string;
  /** Emails not done whose day has passed, oldest first. */
  overdue: AgendaEntry[];
  /** `days` days from today, each with what is due that day (done or not). */
  days: AgendaDay[];
}

export interface ReminderSettings {
  enabled: boolean;
  /** Courses the learner switched reminders off for. */
  offCourseIds: string[];
  /** Nothing is shown before this instant (ISO). */
  snoozedUntil?: string;
}

/** Days with nothing done after which a gentle nudge is due. */
export type NudgeLevel = 3 | 10;

/** What main stores once a reminder was shown, so a restart never shows it again. */
export interface ShownReminder {
  key: string;
  courseId: string;
  /** The local day the reminder was for. */
  day: string;
  shownAt: string;
  /** Present when it carried a nudge: the idle spell (last day something was done) and its level. */
  nudge?: { idleSince: string; level: NudgeLevel };
}

export interface Reminder {
  /** One per course and day: `${courseId}/${day}`. */
  key: string;
  courseId: string;
  courseTitle: string;
  day: string;
  /** When to show it (ISO); in the past for one missed while the machine slept. */
  fireAt: string;
  /** 'due' when an email is due or overdue that day, 'nudge' when only the gentle nudge is. */
  kind: 'due' | 'nudge';
  title: string;
  body: string;
  /** Emails not done that are due on that day or earlier. */
  dueCount: number;
  /** Of those, the ones whose day had already passed. */
  behind: number;
  /** The earliest email not done: what a click opens. */
  emailId?: string;
  /** Days with nothing done, when the reminder carries a nudge. */
  idleDays?: number;
  /** Its time passed before it could be shown (asleep, app closed, snoozed). */
  late: boolean;
  /** Store this after showing the reminder. */
  record: ShownReminder;
}
