import { describe, expect, it } from 'vitest';
import { courseStatus, planCourse } from '../../../electron/core/pace/status';
import { clockAt, daily, doneOn, planFrom } from './fixtures';

const emails = daily(10); // due 1 … 10 March 2028 at the original pace
const start = '2028-03-01';

describe('course status', () => {
  it('counts done, opened, starred and the percent', () => {
    const states = {
      ...doneOn({ e1: '2028-03-01', e2: '2028-03-02', e3: '2028-03-03' }),
      e4: { openedAt: '2028-03-04T08:00:00Z', starred: true, note: 'loops' },
    };
    const status = courseStatus(planFrom(start), emails, states, clockAt('2028-03-04'));
    expect(status).toMatchObject({
      today: '2028-03-04',
      total: 10,
      done: 3,
      opened: 1,
      starred: 1,
      percent: 30,
    });
    expect(status.standing).toEqual({ kind: 'on-track' });
    expect(status.next).toEqual({
      emailId: 'e4',
      order: 4,
      title: 'Email 4',
      dueOn: '2028-03-04',
      overdue: false,
    });
    expect(status.dueNow).toBe(1);
    expect(status.plannedFinishOn).toBe('2028-03-10');
  });

  it('says how many emails behind the learner is, and which one is next', () => {
    const status = courseStatus(
      planFrom(start),
      emails,
      doneOn({ e1: '2028-03-01' }),
      clockAt('2028-03-05'),
    );
    expect(status.standing).toEqual({ kind: 'behind', count: 3 });
    expect(status.behind).toBe(3);
    expect(status.dueNow).toBe(4);
    expect(status.next).toMatchObject({ emailId: 'e2', dueOn: '2028-03-02', overdue: true });
  });

  it('says how many emails ahead the learner is', () => {
    const states = doneOn({
      e1: '2028-03-01',
      e2: '2028-03-01',
      e3: '2028-03-01',
      e4: '2028-03-02',
    });
    const status = courseStatus(planFrom(start), emails, states, clockAt('2028-03-02'));
    expect(status.standing).toEqual({ kind: 'ahead', count: 2 });
    expect(status.next).toMatchObject({ emailId: 'e5', dueOn: '2028-03-05' });
  });

  it('says finished, with 100 percent, only when every email is done', () => {
    const allBut = Object.fromEntries(emails.slice(0, 9).map((email) => [email.id, '2028-03-02']));
    expect(
      courseStatus(planFrom(start), emails, doneOn(allBut), clockAt('2028-03-03')),
    ).toMatchObject({ percent: 90, finished: false });
    const all = doneOn({ ...allBut, e10: '2028-03-04' });
    const status = courseStatus(planFrom(start), emails, all, clockAt('2028-03-05'));
    expect(status).toMatchObject({
      percent: 100,
      finished: true,
      finishedOn: '2028-03-04',
      estimatedFinishOn: '2028-03-04',
    });
    expect(status.next).toBeUndefined();
  });

  it('handles a course without emails', () => {
    const status = courseStatus(planFrom(start), [], {}, clockAt(start));
    expect(status).toMatchObject({ total: 0, done: 0, percent: 0, finished: false, streak: 0 });
    expect(status.plannedFinishOn).toBeUndefined();
  });

  it('reports a running pause', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-03-03' }] });
    expect(courseStatus(plan, emails, {}, clockAt('2028-03-04'))).toMatchObject({
      paused: true,
      pausedSince: '2028-03-03',
    });
  });
});

describe('streak', () => {
  const weekdays = planFrom(start, { studyDays: [1, 2, 3, 4, 5] });
  // Thursday 2, Friday 3, Monday 6 March 2028; today is Tuesday 7.
  const states = doneOn({ e1: '2028-03-02', e2: '2028-03-03', e3: '2028-03-06' });

  it('counts study days in a row with something done, skipping days off', () => {
    expect(courseStatus(weekdays, emails, states, clockAt('2028-03-07')).streak).toBe(3);
  });

  it('counts today once something is done today', () => {
    expect(
      courseStatus(
        weekdays,
        emails,
        { ...states, ...doneOn({ e4: '2028-03-07' }) },
        clockAt('2028-03-07'),
      ).streak,
    ).toBe(4);
  });

  it('is broken by a study day with nothing done', () => {
    expect(courseStatus(weekdays, emails, states, clockAt('2028-03-08')).streak).toBe(0);
    const everyDay = planFrom(start);
    expect(courseStatus(everyDay, emails, states, clockAt('2028-03-07')).streak).toBe(1);
  });

  it('is not broken by paused days', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-03-02', to: '2028-03-06' }] });
    const streakStates = doneOn({ e1: '2028-03-01', e2: '2028-03-06' });
    expect(courseStatus(plan, emails, streakStates, clockAt('2028-03-06')).streak).toBe(2);
  });
});

describe('finish dates', () => {
  it('estimates the finish from the learner’s actual speed', () => {
    const oneADay = doneOn({
      e1: '2028-03-01',
      e2: '2028-03-02',
      e3: '2028-03-03',
      e4: '2028-03-04',
      e5: '2028-03-05',
    });
    expect(
      courseStatus(planFrom(start), emails, oneADay, clockAt('2028-03-05')).estimatedFinishOn,
    ).toBe('2028-03-10');
    const slow = doneOn({ e1: '2028-03-01', e2: '2028-03-03' });
    const status = courseStatus(planFrom(start), emails, slow, clockAt('2028-03-04'));
    expect(status.estimatedFinishOn).toBe('2028-03-20');
    expect(status.plannedFinishOn).toBe('2028-03-10');
  });

  it('leaves paused days out of the speed', () => {
    const plan = planFrom(start, { pauses: [{ from: '2028-03-03', to: '2028-03-08' }] });
    const states = doneOn({ e1: '2028-03-01', e2: '2028-03-02', e3: '2028-03-08' });
    // 3 done in 3 active days (1, 2 and 8 March): 7 left at one a day.
    expect(courseStatus(plan, emails, states, clockAt('2028-03-08')).estimatedFinishOn).toBe(
      '2028-03-15',
    );
  });

  it('has no estimate before anything is done', () => {
    expect(
      courseStatus(planFrom(start), emails, {}, clockAt('2028-03-04')).estimatedFinishOn,
    ).toBeUndefined();
  });

  it('plans a 1,000-email course with its status in one call', () => {
    const big = daily(1000);
    const { schedule, status } = planCourse(
      planFrom(start, { pace: { kind: 'per-week', perWeek: 5 } }),
      big,
      {},
      clockAt(start),
    );
    expect(schedule.emails).toHaveLength(1000);
    expect(status.total).toBe(1000);
    expect(status.plannedFinishOn).toBe(schedule.emails[999]?.dueOn);
  });
});
