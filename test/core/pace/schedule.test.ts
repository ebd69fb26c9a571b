import { describe, expect, it } from 'vitest';
import { computeSchedule } from '../../../electron/core/pace/schedule';
import { clockAt, daily, doneOn, dueDates, planFrom, sequence } from './fixtures';
import { textContaining } from '../../helpers/matchers';

const threeEmails = sequence([3, 4]); // sent 11, 14 and 18 October 2013
const sunday = '2028-02-27';

describe('due dates', () => {
  it('follows the original rhythm from the start date, counting the leap day', () => {
    const schedule = computeSchedule(planFrom(sunday), threeEmails, {}, clockAt(sunday));
    expect(dueDates(schedule)).toEqual(['2028-02-27', '2028-03-01', '2028-03-05']);
    expect(schedule.emails.map((email) => email.shiftDays)).toEqual([0, 0, 0]);
  });

  it('divides the offsets by the pace factor', () => {
    const half = computeSchedule(
      planFrom(sunday, { pace: { kind: 'factor', factor: 0.5 } }),
      threeEmails,
      {},
      clockAt(sunday),
    );
    expect(dueDates(half)).toEqual(['2028-02-27', '2028-03-04', '2028-03-12']);
    const double = computeSchedule(
      planFrom(sunday, { pace: { kind: 'factor', factor: 2 } }),
      threeEmails,
      {},
      clockAt(sunday),
    );
    expect(dueDates(double)).toEqual(['2028-02-27', '2028-02-29', '2028-03-02']);
  });

  it('moves a due date forward to the next study day', () => {
    const weekdays = planFrom(sunday, { studyDays: [1, 2, 3, 4, 5] });
    expect(dueDates(computeSchedule(weekdays, threeEmails, {}, clockAt(sunday)))).toEqual([
      '2028-02-28',
      '2028-03-01',
      '2028-03-06',
    ]);
  });

  it('spreads a per-week pace over the study days of each week', () => {
    const monday = '2028-02-28';
    const twoAWeek = planFrom(monday, {
      pace: { kind: 'per-week', perWeek: 2 },
      studyDays: [1, 3, 5],
    });
    expect(dueDates(computeSchedule(twoAWeek, daily(5), {}, clockAt(monday)))).toEqual([
      '2028-02-28',
      '2028-03-01',
      '2028-03-06',
      '2028-03-08',
      '2028-03-13',
    ]);
    const fiveAWeek = { ...twoAWeek, pace: { kind: 'per-week', perWeek: 5 } as const };
    expect(dueDates(computeSchedule(fiveAWeek, daily(6), {}, clockAt(monday)))).toEqual([
      '2028-02-28',
      '2028-02-28',
      '2028-03-01',
      '2028-03-01',
      '2028-03-03',
      '2028-03-06',
    ]);
  });

  it('starts a per-week week on the start date, whatever day that is', () => {
    const thursday = '2028-03-02';
    const plan = planFrom(thursday, {
      pace: { kind: 'per-week', perWeek: 3 },
      studyDays: [1, 3, 5],
    });
    expect(dueDates(computeSchedule(plan, daily(4), {}, clockAt(thursday)))).toEqual([
      '2028-03-03',
      '2028-03-06',
      '2028-03-08',
      '2028-03-10',
    ]);
  });

  it('plans in sequence order even when given out of order', () => {
    const shuffled = [...threeEmails].reverse();
    const schedule = computeSchedule(planFrom(sunday), shuffled, {}, clockAt(sunday));
    expect(schedule.emails.map((email) => email.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('explains an impossible stored plan instead of computing nonsense', () => {
    const broken = planFrom(sunday, { pace: { kind: 'factor', factor: 0 } });
    expect(() => computeSchedule(broken, threeEmails, {}, clockAt(sunday))).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: textContaining('speed') }),
    );
  });

  it('carries the learner’s state of each email', () => {
    const states = {
      e1: { doneAt: '2028-02-27T10:00:00Z', openedAt: '2028-02-27T09:00:00Z', starred: true },
      e2: { openedAt: '2028-02-28T09:00:00Z' },
    };
    const [first, second, third] = computeSchedule(
      planFrom(sunday),
      threeEmails,
      states,
      clockAt('2028-02-28'),
    ).emails;
    expect(first).toMatchObject({ done: true, doneOn: '2028-02-27', opened: true, starred: true });
    expect(second).toMatchObject({ done: false, opened: true, starred: false });
    expect(third).toMatchObject({ done: false, opened: false });
  });
});

describe('leap day', () => {
  it('is a day like any other, and a day off when Tuesday is', () => {
    const start = '2028-02-28';
    expect(dueDates(computeSchedule(planFrom(start), daily(3), {}, clockAt(start)))).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    const noTuesday = planFrom(start, { studyDays: [0, 1, 3, 4, 5, 6] });
    expect(dueDates(computeSchedule(noTuesday, daily(3), {}, clockAt(start)))).toEqual([
      '2028-02-28',
      '2028-03-01',
      '2028-03-01',
    ]);
  });
});

describe('DST weeks', () => {
  it('gives one email per calendar day through the London spring change', () => {
    const plan = planFrom('2028-03-23');
    const clock = { now: '2028-03-26T23:30:00Z', zone: 'Europe/London' }; // 00:30 BST on the 27th
    const schedule = computeSchedule(
      plan,
      daily(7),
      { e4: { doneAt: '2028-03-26T23:30:00Z' } },
      clock,
    );
    expect(schedule.today).toBe('2028-03-27');
    expect(dueDates(schedule)).toEqual([
      '2028-03-23',
      '2028-03-24',
      '2028-03-25',
      '2028-03-26',
      '2028-03-27',
      '2028-03-28',
      '2028-03-29',
    ]);
    expect(schedule.emails[3]?.doneOn).toBe('2028-03-27');
  });

  it('gives one email per calendar day through the London autumn change', () => {
    const schedule = computeSchedule(
      planFrom('2028-10-27'),
      daily(5),
      {},
      clockAt('2028-10-29', '01:30'),
    );
    expect(dueDates(schedule)).toEqual([
      '2028-10-27',
      '2028-10-28',
      '2028-10-29',
      '2028-10-30',
      '2028-10-31',
    ]);
    expect(schedule.today).toBe('2028-10-29');
  });

  it('uses New York’s local date on both sides of its changes', () => {
    const spring = computeSchedule(
      planFrom('2028-03-10'),
      daily(5),
      {},
      { now: '2028-03-12T04:30:00Z', zone: 'America/New_York' },
    );
    expect(spring.today).toBe('2028-03-11');
    expect(dueDates(spring)).toEqual([
      '2028-03-10',
      '2028-03-11',
      '2028-03-12',
      '2028-03-13',
      '2028-03-14',
    ]);
    const autumn = computeSchedule(
      planFrom('2028-11-03'),
      daily(4),
      { e3: { doneAt: '2028-11-06T04:30:00Z' } },
      { now: '2028-11-06T04:59:00Z', zone: 'America/New_York' },
    );
    expect(autumn.today).toBe('2028-11-05');
    expect(autumn.emails[2]?.doneOn).toBe('2028-11-05');
  });
});

describe('the learner’s week', () => {
  it('counts weeks of the plan from its start, not from the original send dates', () => {
    // Sent a week apart in 2013; at half speed from a Sunday they fall two weeks apart.
    const weekly = sequence([7, 7, 7]);
    const half = planFrom(sunday, { pace: { kind: 'factor', factor: 0.5 } });
    const schedule = computeSchedule(half, weekly, {}, clockAt(sunday));
    expect(dueDates(schedule)).toEqual(['2028-02-27', '2028-03-12', '2028-03-26', '2028-04-09']);
    expect(schedule.emails.map((email) => email.week)).toEqual([1, 3, 5, 7]);
  });

  it('keeps day 7 in week 1 and day 8 in week 2', () => {
    const schedule = computeSchedule(planFrom(sunday), daily(9), {}, clockAt(sunday));
    expect(schedule.emails.map((email) => email.week)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2]);
  });

  it('moves with a pause: what is not done yet lands in a later week', () => {
    const paused = planFrom(sunday, { pauses: [{ from: '2028-02-28', to: '2028-03-13' }] });
    const firstDone = doneOn({ e1: sunday });
    const schedule = computeSchedule(paused, daily(3), firstDone, clockAt('2028-03-13'));
    expect(schedule.emails.map((email) => email.week)).toEqual([1, 3, 3]);
  });
});
