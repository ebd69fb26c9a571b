import { describe, expect, it } from 'vitest';
import { localDateTimeOf } from '../../../electron/core/pace/zoned-time';
import { planReminders } from '../../../electron/core/reminders/reminder-planner';
import { doneOn } from '../pace/fixtures';
import { course, daily, inputAt, planFrom } from './fixtures';

const start = '2028-03-01'; // Wednesday; e1 … e10 due 1 … 10 March
const python = course('py', planFrom(start));

describe('reminder for a day with an email due', () => {
  it('is planned at the learner’s reminder time', () => {
    const plan = planReminders(inputAt(start, '08:00', [python]));
    expect(plan.showNow).toEqual([]);
    expect(plan.nextFireAt).toBe('2028-03-01T09:00:00.000Z');
    expect(plan.upcoming[0]).toMatchObject({
      key: 'py/2028-03-01',
      courseId: 'py',
      kind: 'due',
      title: 'Python',
      body: '“Email 1” is due today.',
      dueCount: 1,
      behind: 0,
      emailId: 'e1',
    });
  });

  it('is shown when its time comes, with the record to store', () => {
    const plan = planReminders(inputAt(start, '09:00', [python]));
    expect(plan.showNow).toHaveLength(1);
    expect(plan.showNow[0]).toMatchObject({ key: 'py/2028-03-01', late: false });
    expect(plan.showNow[0]?.record).toEqual({
      key: 'py/2028-03-01',
      courseId: 'py',
      day: '2028-03-01',
      shownAt: '2028-03-01T09:00:00.000Z',
    });
    expect(plan.nextFireAt).toBe('2028-03-02T09:00:00.000Z');
  });

  it('is not shown again once recorded', () => {
    const shown = planReminders(inputAt(start, '09:00', [python])).showNow.map(
      (reminder) => reminder.record,
    );
    const again = planReminders(inputAt(start, '15:00', [python], { shown }));
    expect(again.showNow).toEqual([]);
    expect(again.nextFireAt).toBe('2028-03-02T09:00:00.000Z');
  });

  it('says how far behind the learner is, kindly, and adds a nudge after 3 idle days', () => {
    const behind = course('py', planFrom(start), doneOn({ e1: start }));
    const [reminder] = planReminders(inputAt('2028-03-04', '10:00', [behind])).showNow;
    expect(reminder).toMatchObject({
      kind: 'due',
      dueCount: 3,
      behind: 2,
      emailId: 'e2',
      idleDays: 3,
    });
    expect(reminder?.body).toBe(
      '“Email 2” is waiting: you are 2 emails behind, with 1 email due today. ' +
        'No penalty for going slower: carry on where you left off, or catch up the plan. ' +
        'Nothing done for 3 days: even ten minutes today helps.',
    );
    expect(reminder?.record.nudge).toEqual({ idleSince: '2028-03-01', level: 3 });
  });

  it('is one notification per course, however many emails are due', () => {
    const plan = planReminders(inputAt('2028-03-10', '09:30', [python]));
    expect(plan.showNow).toHaveLength(1);
    expect(plan.showNow[0]).toMatchObject({ dueCount: 10, behind: 9, emailId: 'e1' });
  });

  it('is never on a day off, even when behind', () => {
    const weekdays = course('py', planFrom(start, { studyDays: [1, 2, 3, 4, 5] }));
    const plan = planReminders(inputAt('2028-03-04', '10:00', [weekdays])); // Saturday
    expect(plan.showNow).toEqual([]);
    expect(plan.upcoming[0]?.day).toBe('2028-03-06');
  });
});

describe('gentle nudges', () => {
  it('come after 3 and after 10 days with nothing done, even when nothing is due', () => {
    const slow = course(
      'py',
      planFrom(start, { pace: { kind: 'factor', factor: 0.1 } }),
      doneOn({ e1: start }),
    );
    const plan = planReminders(inputAt(start, '10:00', [slow]));
    expect(
      plan.upcoming.map(
        (reminder) => `${reminder.day}:${reminder.kind}:${reminder.idleDays ?? ''}`,
      ),
    ).toEqual([
      '2028-03-04:nudge:3',
      '2028-03-11:due:10',
      '2028-03-12:due:',
      '2028-03-13:due:',
      '2028-03-14:due:',
    ]);
    expect(plan.upcoming[0]?.body).toBe(
      'Nothing done for 3 days. Next up: “Email 2”, due Saturday 11 March. Even ten minutes today keeps the thread.',
    );
  });

  it('are not repeated once shown in the same idle spell', () => {
    const slow = course(
      'py',
      planFrom(start, { pace: { kind: 'factor', factor: 0.1 } }),
      doneOn({ e1: start }),
    );
    const first = planReminders(inputAt('2028-03-04', '09:00', [slow]));
    expect(first.showNow.map((reminder) => reminder.kind)).toEqual(['nudge']);
    const shown = first.showNow.map((reminder) => reminder.record);
    const later = planReminders(inputAt('2028-03-05', '09:00', [slow], { shown }));
    expect(later.showNow).toEqual([]);
    expect(later.nextFireAt).toBe('2028-03-11T09:00:00.000Z');
  });
});

describe('no reminder', () => {
  it('while paused', () => {
    const paused = course('py', planFrom(start, { pauses: [{ from: '2028-03-03' }] }));
    const plan = planReminders(inputAt('2028-03-05', '10:00', [paused]));
    expect(plan).toEqual({ showNow: [], upcoming: [] });
  });

  it('on the days of a planned break', () => {
    const plan = planReminders(
      inputAt(start, '10:00', [
        course('py', planFrom(start, { pauses: [{ from: '2028-03-03', to: '2028-03-06' }] })),
      ]),
    );
    expect(plan.upcoming.map((reminder) => reminder.day).slice(0, 3)).toEqual([
      '2028-03-02',
      '2028-03-06',
      '2028-03-07',
    ]);
  });

  it('when the course is finished', () => {
    const all = doneOn(Object.fromEntries(daily(10).map((email) => [email.id, start])));
    expect(
      planReminders(inputAt('2028-03-05', '10:00', [course('py', planFrom(start), all)])),
    ).toEqual({ showNow: [], upcoming: [] });
  });

  it('when reminders are switched off, for all or for one course', () => {
    const other = course('es', planFrom(start));
    expect(
      planReminders(inputAt(start, '10:00', [python, other], { settings: { enabled: false } })),
    ).toEqual({ showNow: [], upcoming: [] });
    const plan = planReminders(
      inputAt(start, '10:00', [python, other], { settings: { offCourseIds: ['py'] } }),
    );
    expect(plan.showNow.map((reminder) => reminder.courseId)).toEqual(['es']);
    expect(new Set(plan.upcoming.map((reminder) => reminder.courseId))).toEqual(new Set(['es']));
  });

  it('ignores an unreadable snooze rather than staying silent', () => {
    const plan = planReminders(
      inputAt(start, '10:00', [python], { settings: { snoozedUntil: 'soon' } }),
    );
    expect(plan.showNow).toHaveLength(1);
  });
});

describe('reminder time across DST', () => {
  it('fires once at the learner’s time through the London changes, even in the gap or overlap hour', () => {
    const early = course('py', planFrom('2028-03-24', { remindAt: '01:30' }), {}, daily(40));
    const spring = planReminders(
      inputAt('2028-03-24', '12:00', [early], { horizonDays: 4 }),
    ).upcoming;
    expect(spring.map((reminder) => reminder.fireAt)).toEqual([
      '2028-03-25T01:30:00.000Z',
      '2028-03-26T01:30:00.000Z', // 01:30 does not exist that night: 02:30 BST
      '2028-03-27T00:30:00.000Z',
    ]);
    const autumn = planReminders(
      inputAt(
        '2028-10-28',
        '12:00',
        [course('py', planFrom('2028-10-28', { remindAt: '01:30' }), {}, daily(40))],
        { horizonDays: 3 },
      ),
    ).upcoming;
    expect(autumn.map((reminder) => reminder.fireAt)).toEqual([
      '2028-10-29T00:30:00.000Z',
      '2028-10-30T01:30:00.000Z',
    ]);
  });

  it('keeps 09:00 local in New York', () => {
    const zone = 'America/New_York';
    const plan = planReminders(
      inputAt('2028-03-10', '12:00', [course('py', planFrom('2028-03-10'), {}, daily(40))], {
        zone,
        horizonDays: 4,
      }),
    );
    expect(plan.upcoming.map((reminder) => reminder.fireAt)).toEqual([
      '2028-03-11T14:00:00.000Z',
      '2028-03-12T13:00:00.000Z',
      '2028-03-13T13:00:00.000Z',
    ]);
    expect(
      plan.upcoming.every(
        (reminder) => localDateTimeOf(Date.parse(reminder.fireAt), zone).time === '09:00',
      ),
    ).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects an impossible clock', () => {
    expect(() => planReminders({ ...inputAt(start, '10:00', [python]), now: 'later' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() =>
      planReminders({ ...inputAt(start, '10:00', [python]), zone: 'Europe/Atlantis' }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
