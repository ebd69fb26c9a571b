import { describe, expect, it } from 'vitest';
import { planReminders } from '../../../electron/core/reminders/reminder-planner';
import type { ShownReminder } from '../../../electron/core/reminders/model';
import { markShown, pruneShown, snooze } from '../../../electron/core/reminders/snooze';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/reminders/model';
import { clockAt, course, inputAt, LONDON, planFrom } from './fixtures';

const start = '2028-03-01';
const python = course('py', planFrom(start));

function shownAt(date: string, time: string, courses = [python]): ShownReminder[] {
  return markShown([], planReminders(inputAt(date, time, courses)).showNow);
}

describe('snooze for an hour', () => {
  it('shows the snoozed reminder again an hour later, once', () => {
    const shown = shownAt(start, '09:00');
    const snoozed = snooze(
      DEFAULT_REMINDER_SETTINGS,
      shown,
      'hour',
      clockAt(start, '09:05', LONDON),
      'py/2028-03-01',
    );
    expect(snoozed.settings.snoozedUntil).toBe('2028-03-01T10:05:00.000Z');
    expect(snoozed.shown).toEqual([]);
    const during = planReminders(inputAt(start, '09:30', [python], snoozed));
    expect(during.showNow).toEqual([]);
    expect(during.nextFireAt).toBe('2028-03-01T10:05:00.000Z');
    const after = planReminders(inputAt(start, '10:05', [python], snoozed));
    expect(after.showNow.map((reminder) => reminder.key)).toEqual(['py/2028-03-01']);
    const stored = markShown(snoozed.shown, after.showNow);
    expect(
      planReminders(inputAt(start, '10:30', [python], { ...snoozed, shown: stored })).showNow,
    ).toEqual([]);
  });

  it('holds back other reminders falling within the hour', () => {
    const later = course('es', planFrom(start, { remindAt: '09:30' }));
    const shown = shownAt(start, '09:10', [python, later]).filter(
      (record) => record.courseId === 'py',
    );
    const snoozed = snooze(
      DEFAULT_REMINDER_SETTINGS,
      shown,
      'hour',
      clockAt(start, '09:10', LONDON),
    );
    expect(snoozed.shown).toEqual(shown);
    const plan = planReminders(inputAt(start, '09:40', [python, later], snoozed));
    expect(plan.showNow).toEqual([]);
    expect(plan.upcoming[0]).toMatchObject({
      key: 'es/2028-03-01',
      fireAt: '2028-03-01T10:10:00.000Z',
    });
  });

  it('lets a snooze past midnight drop the old day, not tomorrow’s reminder', () => {
    const shown = shownAt(start, '23:30');
    const snoozed = snooze(
      DEFAULT_REMINDER_SETTINGS,
      shown,
      'hour',
      clockAt(start, '23:30', LONDON),
      'py/2028-03-01',
    );
    const plan = planReminders(inputAt('2028-03-02', '00:40', [python], snoozed));
    expect(plan.showNow).toEqual([]);
    expect(plan.nextFireAt).toBe('2028-03-02T09:00:00.000Z');
  });
});

describe('snooze until tomorrow', () => {
  it('is silent for the rest of the day and reminds at the usual time tomorrow', () => {
    const shown = shownAt(start, '09:00');
    const snoozed = snooze(
      DEFAULT_REMINDER_SETTINGS,
      shown,
      'tomorrow',
      clockAt(start, '09:01', LONDON),
    );
    expect(snoozed.settings.snoozedUntil).toBe('2028-03-02T00:00:00.000Z');
    expect(planReminders(inputAt(start, '18:00', [python], snoozed)).showNow).toEqual([]);
    expect(planReminders(inputAt(start, '18:00', [python], snoozed)).nextFireAt).toBe(
      '2028-03-02T09:00:00.000Z',
    );
  });

  it('ends at local midnight in the learner’s zone', () => {
    const clock = clockAt('2028-07-01', '20:00', 'America/New_York');
    expect(snooze(DEFAULT_REMINDER_SETTINGS, [], 'tomorrow', clock).settings.snoozedUntil).toBe(
      '2028-07-02T04:00:00.000Z',
    );
  });
});

describe('shown records', () => {
  const record = (day: string, nudge = false): ShownReminder => ({
    key: `py/${day}`,
    courseId: 'py',
    day,
    shownAt: `${day}T09:00:00.000Z`,
    ...(nudge ? { nudge: { idleSince: '2027-12-01', level: 10 as const } } : {}),
  });

  it('forgets records older than a month but keeps the latest nudge of each course', () => {
    const kept = pruneShown(
      [record('2027-12-11', true), record('2028-01-01'), record('2028-02-20')],
      '2028-03-01',
    );
    expect(kept.map((item) => item.day)).toEqual(['2027-12-11', '2028-02-20']);
  });

  it('stores one record per reminder key', () => {
    const again = planReminders(inputAt(start, '10:00', [python])).showNow;
    const stored = markShown([record('2028-03-01'), record('2028-02-29')], again);
    expect(stored.map((item) => `${item.key} ${item.shownAt}`)).toEqual([
      'py/2028-02-29 2028-02-29T09:00:00.000Z',
      'py/2028-03-01 2028-03-01T10:00:00.000Z',
    ]);
  });
});
