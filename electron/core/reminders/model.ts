import type { EmailStates, Plan, SequenceEmail } from '../pace/model';

/**
 * Reminders: what the pure planner needs and what it answers. Plain JSON
 * data; the settings and the shown records live in progress.json.
 */

export interface ReminderSettings {
  enabled: boolean;
  /** Courses the learner switched reminders off for. */
  offCourseIds: string[];
  /** Nothing is shown before this instant (ISO); see snooze(). */
  snoozedUntil?: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, offCourseIds: [] };

/** One followed course as the planner sees it. */
export interface ReminderCourse {
  courseId: string;
  title: string;
  plan: Plan;
  emails: readonly SequenceEmail[];
  states: EmailStates;
}

/** Days with nothing done after which a gentle nudge is due. */
export const NUDGE_AFTER_DAYS = [3, 10] as const;
export type NudgeLevel = (typeof NUDGE_AFTER_DAYS)[number];

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

export interface ReminderPlanInput {
  courses: readonly ReminderCourse[];
  settings: ReminderSettings;
  shown: readonly ShownReminder[];
  /** ISO instant. */
  now: string;
  /** IANA zone of the learner. */
  zone: string;
  /** How many days ahead to list upcoming reminders (default 14). */
  horizonDays?: number;
}

export interface ReminderPlan {
  /** Show these now, then store their records: at most one per course. */
  showNow: Reminder[];
  /** Later reminders, earliest first, assuming nothing more gets done. */
  upcoming: Reminder[];
  /** Arm one timer for this instant, then plan again. */
  nextFireAt?: string;
}
