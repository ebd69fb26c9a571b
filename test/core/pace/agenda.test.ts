import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../../electron/core/pace/agenda';
import { computeSchedule } from '../../../electron/core/pace/schedule';
import { clockAt, daily, doneOn, planFrom, sequence } from './fixtures';

describe('agenda', () => {
  const today = '2028-03-03';
  const python = computeSchedule(
    planFrom('2028-03-01'),
    daily(6),
    doneOn({ e1: '2028-03-01', e3: '2028-03-02' }),
    clockAt(today),
  );
  const essays = computeSchedule(
    planFrom('2028-03-04', { studyDays: [1, 3, 5] }),
    sequence([2, 2]).map((email) => ({ ...email, id: `s${email.order}` })),
    {},
    clockAt(today),
  );
  const agenda = buildAgenda(
    [
      { courseId: 'py', title: 'Python', schedule: python },
      { courseId: 'es', title: 'Essays', schedule: essays },
    ],
    today,
    4,
  );

  it('lists what is due on each of the next days, across courses', () => {
    expect(agenda.days.map((day) => day.date)).toEqual([
      '2028-03-03',
      '2028-03-04',
      '2028-03-05',
      '2028-03-06',
    ]);
    const byDay = agenda.days.map((day) =>
      day.entries.map((entry) => `${entry.courseId}:${entry.emailId}${entry.done ? '✓' : ''}`),
    );
    expect(byDay).toEqual([['py:e3✓'], ['py:e4'], ['py:e5'], ['py:e6', 'es:s1', 'es:s2']]);
  });

  it('lists what is overdue and not done, oldest first', () => {
    expect(agenda.overdue.map((entry) => entry.emailId)).toEqual(['e2']);
    expect(agenda.overdue[0]).toMatchObject({
      courseTitle: 'Python',
      dueOn: '2028-03-02',
      done: false,
      paused: false,
    });
  });

  it('rejects an impossible number of days', () => {
    for (const days of [0, -1, 1.5, 400]) {
      expect(() => buildAgenda([], today, days)).toThrow(
        expect.objectContaining({ code: 'invalid-input' }),
      );
    }
  });
});
