import { describe, expect, it } from 'vitest';
import { addDays } from '../../../electron/core/pace/calendar-date';
import type { EmailStates } from '../../../electron/core/pace/model';
import { localDateTimeOf, zonedInstant } from '../../../electron/core/pace/zoned-time';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/reminders/model';
import type {
  Reminder,
  ReminderCourse,
  ShownReminder,
} from '../../../electron/core/reminders/model';
import { planReminders } from '../../../electron/core/reminders/reminder-planner';
import { markShown } from '../../../electron/core/reminders/snooze';
import { course, daily, LONDON, planFrom } from './fixtures';

/**
 * A simulated machine: main arms one timer for nextFireAt, shows what the
 * planner says, stores the records, and plans again on wake. While asleep no
 * timer fires; on every step a "restart" (planning again from the stored
 * records) must show nothing new.
 */
interface Shown {
  at: number;
  reminder: Reminder;
}

function simulate(options: {
  courses: (atMs: number) => ReminderCourse[];
  from: number;
  until: number;
  sleeps?: Array<[number, number]>;
  zone?: string;
}): Shown[] {
  const zone = options.zone ?? LONDON;
  const sleeps = options.sleeps ?? [];
  const log: Shown[] = [];
  let shown: ShownReminder[] = [];
  let t = options.from;
  for (let steps = 0; t < options.until && steps < 10_000; steps += 1) {
    const input = {
      courses: options.courses(t),
      settings: DEFAULT_REMINDER_SETTINGS,
      shown,
      now: new Date(t).toISOString(),
      zone,
    };
    const plan = planReminders(input);
    for (const reminder of plan.showNow) log.push({ at: t, reminder });
    shown = markShown(shown, plan.showNow);
    expect(planReminders({ ...input, shown }).showNow).toEqual([]);
    const timer = plan.nextFireAt === undefined ? options.until : Date.parse(plan.nextFireAt);
    const asleep = sleeps.find(([start, end]) => timer >= start && timer < end);
    const nextWake =
      sleeps.map(([, end]) => end).find((end) => end > t) ?? Number.POSITIVE_INFINITY;
    t = Math.min(asleep ? asleep[1] : timer, nextWake);
  }
  return log;
}

const at = (date: string, time: string) => zonedInstant(date, time, LONDON);
const start = '2028-03-20'; // the London clocks go forward on Sunday 26 March
const idle = () => [
  course('py', planFrom(start), {}, daily(30)),
  course(
    'es',
    planFrom(start, { pace: { kind: 'per-week', perWeek: 3 }, studyDays: [1, 3, 5] }),
    {},
    daily(12),
  ),
];

function perCourseDay(log: Shown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { reminder } of log) counts.set(reminder.key, (counts.get(reminder.key) ?? 0) + 1);
  return counts;
}

describe('reminders over simulated days', () => {
  it('an idle learner gets one reminder per course per study day, at 09:00 local through the DST change', () => {
    const log = simulate({
      courses: idle,
      from: at(start, '00:00'),
      until: at('2028-04-03', '00:00'),
    });
    expect([...perCourseDay(log).values()].every((count) => count === 1)).toBe(true);
    const python = log.filter((item) => item.reminder.courseId === 'py');
    expect(python).toHaveLength(14);
    expect(log.every((item) => localDateTimeOf(item.at, LONDON).time === '09:00')).toBe(true);
    const essays = log
      .filter((item) => item.reminder.courseId === 'es')
      .map((item) => item.reminder.day);
    expect(essays).toEqual([
      '2028-03-20',
      '2028-03-22',
      '2028-03-24',
      '2028-03-27',
      '2028-03-29',
      '2028-03-31',
    ]);
  });

  it('a machine asleep for 3 days shows exactly one reminder per course on wake', () => {
    const wake = at('2028-03-24', '10:00');
    const log = simulate({
      courses: idle,
      from: at(start, '00:00'),
      until: at('2028-03-26', '00:00'),
      sleeps: [[at('2028-03-21', '08:00'), wake]],
    });
    const days = log.map((item) => item.reminder.day);
    for (const slept of ['2028-03-21', '2028-03-22', '2028-03-23'])
      expect(days).not.toContain(slept);
    const onWake = log.filter((item) => item.at === wake).map((item) => item.reminder);
    expect(onWake.map((reminder) => reminder.key)).toEqual(['py/2028-03-24', 'es/2028-03-24']);
    expect(onWake[0]).toMatchObject({ late: true, dueCount: 5, behind: 4 });
    expect(onWake[1]).toMatchObject({ late: true, dueCount: 3, behind: 2 });
    expect([...perCourseDay(log).values()].every((count) => count === 1)).toBe(true);
  });

  it('waking before the reminder time shows nothing on wake, then reminds at the usual time', () => {
    const wake = at('2028-03-24', '08:00');
    const log = simulate({
      courses: idle,
      from: at(start, '00:00'),
      until: at('2028-03-25', '00:00'),
      sleeps: [[at('2028-03-21', '12:00'), wake]],
    });
    expect(log.filter((item) => item.at === wake)).toEqual([]);
    expect(
      log
        .filter((item) => item.reminder.day === '2028-03-24')
        .map((item) => [item.reminder.courseId, item.at]),
    ).toEqual([
      ['py', at('2028-03-24', '09:00')],
      ['es', at('2028-03-24', '09:00')],
    ]);
    expect(log.map((item) => item.reminder.day)).not.toContain('2028-03-22');
  });

  it('a learner who does each email before 09:00 is never reminded', () => {
    const emails = daily(20);
    const courses = (atMs: number): ReminderCourse[] => {
      const states: EmailStates = {};
      emails.forEach((email, index) => {
        const doneAt = at(addDays(start, index), '08:00');
        if (doneAt <= atMs) states[email.id] = { doneAt: new Date(doneAt).toISOString() };
      });
      return [course('py', planFrom(start), states, emails)];
    };
    expect(
      simulate({ courses, from: at(start, '00:00'), until: at('2028-04-05', '00:00') }),
    ).toEqual([]);
  });

  it('a learner who stops gets a nudge after 3 and after 10 days, inside the daily reminder', () => {
    const emails = daily(40);
    const states: EmailStates = { e1: { doneAt: new Date(at(start, '08:00')).toISOString() } };
    const log = simulate({
      courses: () => [course('py', planFrom(start), states, emails)],
      from: at(start, '00:00'),
      until: at('2028-04-05', '00:00'),
    });
    const nudged = log
      .filter((item) => item.reminder.idleDays !== undefined)
      .map((item) => [item.reminder.day, item.reminder.idleDays]);
    expect(nudged).toEqual([
      ['2028-03-23', 3],
      ['2028-03-30', 10],
    ]);
  });
});
