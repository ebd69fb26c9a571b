import { describe, expect, it } from 'vitest';
import { defaultPlan } from '../../../electron/core/pace/model';
import { validatePlanInput } from '../../../electron/core/pace/validate-plan';
import { textMatching } from '../../helpers/matchers';

const good = {
  startOn: '2028-02-29',
  pace: { kind: 'factor', factor: 0.5 },
  studyDays: [5, 1, 3, 1],
  remindAt: '07:45',
};

function rejects(input: unknown, message: RegExp) {
  expect(() => validatePlanInput(input)).toThrow(
    expect.objectContaining({ code: 'invalid-input', message: textMatching(message) }),
  );
}

describe('validatePlanInput', () => {
  it('accepts a plan and tidies it', () => {
    const plan = validatePlanInput({
      ...good,
      pauses: [
        { from: '2028-04-10', to: '2028-04-10' },
        { from: '2028-03-20' },
        { from: '2028-03-01', to: '2028-03-08' },
      ],
    });
    expect(plan).toEqual({
      startOn: '2028-02-29',
      pace: { kind: 'factor', factor: 0.5 },
      studyDays: [1, 3, 5],
      remindAt: '07:45',
      pauses: [{ from: '2028-03-01', to: '2028-03-08' }, { from: '2028-03-20' }],
      catchUps: [],
    });
  });

  it('accepts the default plan and each kind of pace', () => {
    expect(validatePlanInput(defaultPlan('2028-01-01'))).toEqual(defaultPlan('2028-01-01'));
    expect(validatePlanInput({ ...good, pace: { kind: 'per-week', perWeek: 3 } }).pace).toEqual({
      kind: 'per-week',
      perWeek: 3,
    });
    expect(validatePlanInput({ ...good, pace: { kind: 'as-sent', extra: 1 } }).pace).toEqual({
      kind: 'as-sent',
    });
  });

  it('rejects impossible dates', () => {
    rejects({ ...good, startOn: '2027-02-29' }, /start date.*2027-02-29.*not a real date/);
    rejects({ ...good, startOn: undefined }, /start date/);
    rejects({ ...good, pauses: [{ from: '2028-02-30' }] }, /pause/);
    rejects(
      { ...good, pauses: [{ from: '2028-03-08', to: '2028-03-01' }] },
      /cannot end .* before it starts/,
    );
  });

  it('rejects a pace of zero, a negative pace and impossible speeds', () => {
    for (const factor of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.01, 11, '2']) {
      rejects(
        { ...good, pace: { kind: 'factor', factor } },
        /times the original speed is not possible/,
      );
    }
    for (const perWeek of [0, -2, 2.5, 1000]) {
      rejects({ ...good, pace: { kind: 'per-week', perWeek } }, /emails per week is not possible/);
    }
    rejects({ ...good, pace: { kind: 'fast' } }, /pace must be/);
    rejects({ ...good, pace: undefined }, /pace must be/);
  });

  it('rejects a week without study days', () => {
    rejects({ ...good, studyDays: [] }, /at least one study day/);
    rejects({ ...good, studyDays: [7] }, /not a day of the week/);
    rejects({ ...good, studyDays: 'weekdays' }, /at least one study day/);
  });

  it('rejects a reminder time that is not a time of day', () => {
    for (const remindAt of ['24:00', '9:00', '09:60', 'noon', undefined]) {
      rejects({ ...good, remindAt }, /reminder time/);
    }
  });

  it('rejects overlapping pauses and a running pause that is not the last', () => {
    rejects(
      {
        ...good,
        pauses: [
          { from: '2028-03-01', to: '2028-03-10' },
          { from: '2028-03-05', to: '2028-03-12' },
        ],
      },
      /overlap/,
    );
    rejects(
      { ...good, pauses: [{ from: '2028-03-01' }, { from: '2028-03-05', to: '2028-03-12' }] },
      /Only the last pause/,
    );
  });

  it('rejects unreadable input and impossible catch-ups', () => {
    rejects(null, /missing or unreadable/);
    rejects([good], /missing or unreadable/);
    rejects({ ...good, catchUps: [{ on: '2028-03-01', days: 0 }] }, /catch-up of 0 days/);
    rejects({ ...good, pauses: 'none' }, /pauses is unreadable/);
  });
});
