import type {
  NudgeLevel,
  Reminder,
  ReminderSettings,
  ShownReminder,
} from '../../shared/pace-types';
import type { EmailStates, Plan, SequenceEmail } from '../pace/model';

export type { NudgeLevel, Reminder, ReminderSettings, ShownReminder };

/**
 * Reminders: what the pure planner needs and what it answers. Plain JSON
 * data; the settings and the shown records live in progress.json.
 */

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
export const NUDGE_AFTER_DAYS = [3, 10] as const satisfies readonly NudgeLevel[];

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
