import type { EmailStates, Plan, SequenceEmail } from '../../../electron/core/pace/model';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/reminders/model';
import type {
  ReminderCourse,
  ReminderPlanInput,
  ReminderSettings,
  ShownReminder,
} from '../../../electron/core/reminders/model';
import { clockAt, daily, planFrom } from '../pace/fixtures';

export const LONDON = 'Europe/London';

export function course(
  courseId: string,
  plan: Plan,
  states: EmailStates = {},
  emails: SequenceEmail[] = daily(10),
): ReminderCourse {
  return {
    courseId,
    title: courseId === 'py' ? 'Python' : `Course ${courseId}`,
    plan,
    emails,
    states,
  };
}

/** Planner input at a local date and time in London (unless another zone is given). */
export function inputAt(
  date: string,
  time: string,
  courses: ReminderCourse[],
  extra: {
    shown?: ShownReminder[];
    settings?: Partial<ReminderSettings>;
    zone?: string;
    horizonDays?: number;
  } = {},
): ReminderPlanInput {
  const zone = extra.zone ?? LONDON;
  const input: ReminderPlanInput = {
    courses,
    settings: { ...DEFAULT_REMINDER_SETTINGS, ...extra.settings },
    shown: extra.shown ?? [],
    now: clockAt(date, time, zone).now,
    zone,
  };
  if (extra.horizonDays !== undefined) input.horizonDays = extra.horizonDays;
  return input;
}

export { clockAt, daily, planFrom };
