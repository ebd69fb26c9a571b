import { addDays } from '../../../electron/core/pace/calendar-date';
import { defaultPlan } from '../../../electron/core/pace/model';
import type { EmailStates, Plan, SequenceEmail } from '../../../electron/core/pace/model';
import { zonedInstant } from '../../../electron/core/pace/zoned-time';
import type { Clock } from '../../../electron/core/pace/zoned-time';

/** A sequence whose emails were sent `gaps` days apart, starting on `firstSentOn`. */
export function sequence(gaps: number[], firstSentOn = '2013-10-11'): SequenceEmail[] {
  let sentOn = firstSentOn;
  const emails: SequenceEmail[] = [{ id: 'e1', order: 1, sentOn, title: 'Email 1' }];
  gaps.forEach((gap, index) => {
    sentOn = addDays(sentOn, gap);
    emails.push({ id: `e${index + 2}`, order: index + 2, sentOn, title: `Email ${index + 2}` });
  });
  return emails;
}

/** One email a day for `count` days. */
export function daily(count: number): SequenceEmail[] {
  return sequence(Array.from({ length: count - 1 }, () => 1));
}

export function planFrom(startOn: string, changes: Partial<Plan> = {}): Plan {
  return { ...defaultPlan(startOn), ...changes };
}

/** A clock at a local date and time in a zone. */
export function clockAt(date: string, time = '12:00', zone = 'Europe/London'): Clock {
  return { now: new Date(zonedInstant(date, time, zone)).toISOString(), zone };
}

/** Emails marked done at local noon on the given dates. */
export function doneOn(entries: Record<string, string>, zone = 'Europe/London'): EmailStates {
  const states: EmailStates = {};
  for (const [id, date] of Object.entries(entries)) {
    states[id] = { doneAt: new Date(zonedInstant(date, '12:00', zone)).toISOString() };
  }
  return states;
}

export function dueDates(schedule: { emails: Array<{ dueOn: string }> }): string[] {
  return schedule.emails.map((email) => email.dueOn);
}
