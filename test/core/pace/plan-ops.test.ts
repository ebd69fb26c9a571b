import { describe, expect, it } from 'vitest';
import { catchUp, isPausedOn, pause, resume } from '../../../electron/core/pace/plan-ops';
import { computeSchedule } from '../../../electron/core/pace/schedule';
import { courseStatus } from '../../../electron/core/pace/status';
import { clockAt, daily, doneOn, dueDates, planFrom } from './fixtures';
import { textContaining } from '../../helpers/matchers';

const emails = daily(10); // e1 … e10, due 1 … 10 March 2028 at the original pace
const start = '2028-03-01';

describe('pause and resume', () => {
  const states = doneOn({ e1: '2028-03-01', e2: '2028-03-02' });

  it('holds every email not done while the pause runs, and leaves done ones alone', () => {
    const paused = pause(planFrom(start), '2028-03-03');
    expect(paused.pauses).toEqual([{ from: '2028-03-03' }]);
    const whilePaused = computeSchedule(paused, emails, states, clockAt('2028-03-05'));
    expect(whilePaused.paused).toBe(true);
    expect(whilePaused.pausedSince).toBe('2028-03-03');
    expect(dueDates(whilePaused).slice(0, 4)).toEqual([
      '2028-03-01',
      '2028-03-02',
      '2028-03-05',
      '2028-03-06',
    ]);
    expect(isPausedOn(paused, '2028-03-05')).toBe(true);
  });

  it('shifts every email not done by the pause’s length on resume', () => {
    const resumed = resume(pause(planFrom(start), '2028-03-03'), '2028-03-10');
    expect(resumed.pauses).toEqual([{ from: '2028-03-03', to: '2028-03-10' }]);
    const schedule = computeSchedule(resumed, emails, states, clockAt('2028-03-12'));
    expect(schedule.paused).toBe(false);
    expect(dueDates(schedule)).toEqual([
      '2028-03-01',
      '2028-03-02',
      '2028-03-10',
      '2028-03-11',
      '2028-03-12',
      '2028-03-13',
      '2028-03-14',
      '2028-03-15',
      '2028-03-16',
      '2028-03-17',
    ]);
    expect(schedule.emails.map((email) => email.shiftDays)).toEqual([0, 0, 7, 7, 7, 7, 7, 7, 7, 7]);
    expect(isPausedOn(resumed, '2028-03-10')).toBe(false);
  });

  it('keeps an overdue email exactly as overdue after the pause', () => {
    const behind = courseStatus(planFrom(start), emails, states, clockAt('2028-03-05'));
    const resumed = resume(pause(planFrom(start), '2028-03-05'), '2028-03-12');
    const after = courseStatus(resumed, emails, states, clockAt('2028-03-12'));
    expect(behind.standing).toEqual({ kind: 'behind', count: 2 });
    expect(after.standing).toEqual(behind.standing);
  });

  it('ignores a second pause or a resume without a pause', () => {
    const paused = pause(planFrom(start), '2028-03-03');
    expect(pause(paused, '2028-03-04')).toBe(paused);
    const plan = planFrom(start);
    expect(resume(plan, '2028-03-04')).toBe(plan);
  });

  it('forgets a pause resumed the day it began', () => {
    expect(resume(pause(planFrom(start), '2028-03-03'), '2028-03-03').pauses).toEqual([]);
  });

  it('keeps a pause running when the clock went back into it', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-03-03', to: '2028-03-10' }] });
    expect(pause(plan, '2028-03-05').pauses).toEqual([{ from: '2028-03-03' }]);
  });

  it('asks to remove a planned break before pausing now', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-04-01', to: '2028-04-08' }] });
    expect(() => pause(plan, '2028-03-05')).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: textContaining('1 April 2028'),
      }),
    );
  });

  it('moves only emails due from a planned break on, until it begins', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-03-06', to: '2028-03-09' }] });
    const before = computeSchedule(plan, emails, {}, clockAt('2028-03-02'));
    expect(dueDates(before)).toEqual([
      '2028-03-01',
      '2028-03-02',
      '2028-03-03',
      '2028-03-04',
      '2028-03-05',
      '2028-03-09',
      '2028-03-10',
      '2028-03-11',
      '2028-03-12',
      '2028-03-13',
    ]);
    const onTime = doneOn({
      e1: '2028-03-01',
      e2: '2028-03-02',
      e3: '2028-03-03',
      e4: '2028-03-04',
      e5: '2028-03-05',
    });
    expect(dueDates(computeSchedule(plan, emails, onTime, clockAt('2028-03-07')))).toEqual(
      dueDates(before),
    );
  });

  it('rejects an impossible day', () => {
    expect(() => pause(planFrom(start), '2028-02-30')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('catch up', () => {
  const states = doneOn({ e1: '2028-03-01' });

  it('makes the earliest email not done due today and keeps all progress', () => {
    const clock = clockAt('2028-03-06');
    expect(courseStatus(planFrom(start), emails, states, clock).standing).toEqual({
      kind: 'behind',
      count: 4,
    });
    const caughtUp = catchUp(planFrom(start), emails, states, clock);
    expect(caughtUp.catchUps).toEqual([{ on: '2028-03-06', days: 4 }]);
    const schedule = computeSchedule(caughtUp, emails, states, clock);
    expect(dueDates(schedule).slice(0, 4)).toEqual([
      '2028-03-01',
      '2028-03-06',
      '2028-03-07',
      '2028-03-08',
    ]);
    expect(schedule.emails[0]?.done).toBe(true);
    const status = courseStatus(caughtUp, emails, states, clock);
    expect(status.standing).toEqual({ kind: 'on-track' });
    expect(status.done).toBe(1);
    expect(status.next).toMatchObject({ emailId: 'e2', dueOn: '2028-03-06', overdue: false });
  });

  it('changes nothing when not behind: working ahead is always allowed', () => {
    const ahead = doneOn({ e1: '2028-03-01', e2: '2028-03-01', e3: '2028-03-01' });
    const plan = planFrom(start);
    expect(catchUp(plan, emails, ahead, clockAt('2028-03-02'))).toBe(plan);
    const finished = doneOn(Object.fromEntries(emails.map((email) => [email.id, '2028-03-01'])));
    expect(catchUp(plan, emails, finished, clockAt('2028-03-20'))).toBe(plan);
  });

  it('on a day off, makes the earliest email due on the next study day', () => {
    const weekdays = planFrom(start, { studyDays: [1, 2, 3, 4, 5] });
    const saturday = clockAt('2028-03-11');
    const schedule = computeSchedule(
      catchUp(weekdays, emails, states, saturday),
      emails,
      states,
      saturday,
    );
    expect(schedule.emails[1]?.dueOn).toBe('2028-03-13');
  });

  it('doing it twice the same day changes nothing more', () => {
    const clock = clockAt('2028-03-06');
    const once = catchUp(planFrom(start), emails, states, clock);
    expect(catchUp(once, emails, states, clock)).toBe(once);
  });
});
