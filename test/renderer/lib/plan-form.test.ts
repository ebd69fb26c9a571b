import { describe, expect, test } from 'vitest';
import type { Plan } from '../../../electron/shared/types';
import {
  durationText,
  formFromPlan,
  planInputOf,
  previewSentence,
  withPace,
} from '../../../renderer/lib/plan-form';
import { formatDay } from '../../../renderer/lib/plan-dates';

const plan: Plan = {
  startOn: '2024-12-02',
  pace: { kind: 'as-sent' },
  studyDays: [0, 1, 2, 3, 4, 5, 6],
  remindAt: '09:00',
  pauses: [{ from: '2024-12-10', to: '2024-12-12' }],
  catchUps: [{ on: '2024-12-20', days: 3 }],
};

describe('the plan form', () => {
  test('opens on the saved plan, with a custom pace ready at 3 a week', () => {
    const form = formFromPlan(plan);
    expect(form).toMatchObject({ startOn: '2024-12-02', pace: 'as-sent', perWeek: '3' });
    expect(formFromPlan({ ...plan, pace: { kind: 'factor', factor: 0.5 } }).pace).toBe('half');
    expect(formFromPlan({ ...plan, pace: { kind: 'per-week', perWeek: 5 } })).toMatchObject({
      pace: 'custom',
      perWeek: '5',
    });
  });

  test('a speed set elsewhere stays on offer as it is', () => {
    const form = formFromPlan({ ...plan, pace: { kind: 'factor', factor: 0.75 } });
    expect(form.pace).toBe('current');
    const check = planInputOf(form, plan);
    expect(check.ok && check.input.pace).toEqual({ kind: 'factor', factor: 0.75 });
  });

  test('gives the core the pace chosen, and keeps the breaks and catch-ups', () => {
    const form = {
      ...formFromPlan(plan),
      pace: 'custom' as const,
      perWeek: '4',
      studyDays: [5, 1],
    };
    const check = planInputOf(form, plan);
    expect(check).toEqual({
      ok: true,
      input: {
        startOn: '2024-12-02',
        pace: { kind: 'per-week', perWeek: 4 },
        studyDays: [1, 5],
        remindAt: '09:00',
        pauses: plan.pauses,
        catchUps: plan.catchUps,
      },
    });
    const half = planInputOf(withPace(form, 'half'), plan);
    expect(half.ok && half.input.pace).toEqual({ kind: 'factor', factor: 0.5 });
  });

  test('values the core must judge are passed on as typed: 0, negative, no study day', () => {
    const form = formFromPlan(plan);
    const zero = planInputOf({ ...form, pace: 'custom', perWeek: '0' }, plan);
    expect(zero.ok && zero.input.pace).toEqual({ kind: 'per-week', perWeek: 0 });
    const negative = planInputOf({ ...form, pace: 'custom', perWeek: '-2' }, plan);
    expect(negative.ok && negative.input.pace).toEqual({ kind: 'per-week', perWeek: -2 });
    expect(planInputOf({ ...form, studyDays: [] }, plan).ok).toBe(true);
  });

  test('only fields that cannot even be sent are refused here, naming the field', () => {
    const form = formFromPlan(plan);
    expect(planInputOf({ ...form, startOn: '' }, plan)).toMatchObject({
      ok: false,
      field: 'startOn',
    });
    expect(planInputOf({ ...form, remindAt: '' }, plan)).toMatchObject({
      ok: false,
      field: 'remindAt',
    });
    expect(planInputOf({ ...form, pace: 'custom', perWeek: ' ' }, plan)).toEqual({
      ok: false,
      field: 'perWeek',
      message: 'Enter how many emails you want each week.',
    });
    // The empty number field does not matter while a preset is chosen.
    expect(planInputOf({ ...form, perWeek: '' }, plan).ok).toBe(true);
  });
});

describe('the preview in words', () => {
  const preview = { plannedFinishOn: '2025-01-24', firstDueOn: '2024-12-02', weeks: 8, emails: 16 };

  test('each preset’s length', () => {
    const today = '2024-12-02';
    expect(durationText(preview, today)).toBe(
      `about 8 weeks, finishing ${formatDay('2025-01-24', { today })}`,
    );
    expect(durationText({ ...preview, weeks: 1, plannedFinishOn: '2024-12-06' }, today)).toBe(
      `about 1 week, finishing ${formatDay('2024-12-06', { today })}`,
    );
    expect(durationText(undefined)).toBe('');
  });

  test('the chosen plan in one sentence', () => {
    const today = '2024-12-02';
    const finish = formatDay('2024-12-20', { today });
    expect(previewSentence({ ...preview, plannedFinishOn: '2024-12-20' }, today)).toBe(
      `You would finish on ${finish}: 16 emails over about 8 weeks. The first is due today.`,
    );
    expect(previewSentence({ ...preview, firstDueOn: '2024-11-29' }, today)).toMatch(
      `The first was due ${formatDay('2024-11-29', { today })}.`,
    );
    expect(previewSentence({ ...preview, firstDueOn: '2024-12-03' }, today)).toMatch(
      /The first is due tomorrow\.$/,
    );
  });

  test('before the emails are saved there is no finish date yet', () => {
    expect(previewSentence({ weeks: 0, emails: 0 })).toBe(
      'The finish date appears as soon as the course’s emails are saved.',
    );
  });
});
