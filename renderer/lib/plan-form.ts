import type { Pace } from '../../electron/shared/types';
import type { Plan, PlanInput, PlanPreview } from '../../electron/shared/types';
import { dueSentence, formatDay } from './plan-dates';

/** The pace options offered; 'current' keeps a speed set elsewhere (the CLI, a backup). */
export type PaceChoice = 'as-sent' | 'half' | 'double' | 'custom' | 'current';

export interface PlanForm {
  startOn: string;
  pace: PaceChoice;
  /** As typed: the number field may be empty or half-typed. */
  perWeek: string;
  studyDays: number[];
  remindAt: string;
  /** The plan's own pace when it matches no preset. */
  currentPace?: Pace;
}

export type PlanField = 'startOn' | 'perWeek' | 'remindAt';

export const PRESETS: readonly { choice: PaceChoice; name: string; pace: Pace }[] = [
  { choice: 'as-sent', name: 'As sent', pace: { kind: 'as-sent' } },
  { choice: 'half', name: 'Half speed', pace: { kind: 'factor', factor: 0.5 } },
  { choice: 'double', name: 'Double speed', pace: { kind: 'factor', factor: 2 } },
];

/** Monday first, as most learners' weeks are drawn. */
export const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

export const DEFAULT_PER_WEEK = 3;

function choiceOf(pace: Pace): PaceChoice {
  if (pace.kind === 'as-sent') return 'as-sent';
  if (pace.kind === 'per-week') return 'custom';
  const preset = PRESETS.find((p) => p.pace.kind === 'factor' && p.pace.factor === pace.factor);
  return preset?.choice ?? 'current';
}

/** The form as it opens for an existing plan. */
export function formFromPlan(plan: Plan): PlanForm {
  const choice = choiceOf(plan.pace);
  return {
    startOn: plan.startOn,
    pace: choice,
    perWeek: String(plan.pace.kind === 'per-week' ? plan.pace.perWeek : DEFAULT_PER_WEEK),
    studyDays: [...plan.studyDays],
    remindAt: plan.remindAt,
    currentPace: choice === 'current' ? plan.pace : undefined,
  };
}

/** "0.75× the original speed". */
export function currentPaceName(pace: Pace | undefined): string {
  return pace?.kind === 'factor' ? `Your current pace: ${pace.factor}× the original speed` : '';
}

export type FormCheck =
  { ok: true; input: PlanInput } | { ok: false; field: PlanField; message: string };

/**
 * Turns the form into what the core checks. Only what cannot even be sent is
 * refused here (an empty or half-typed field); every rule about values
 * (a pace of 0, no study day, an impossible date) is the core's to explain.
 */
export function planInputOf(form: PlanForm, kept: Pick<Plan, 'pauses' | 'catchUps'>): FormCheck {
  if (!form.startOn) {
    return { ok: false, field: 'startOn', message: 'Enter the day you want to start.' };
  }
  if (!form.remindAt) {
    return { ok: false, field: 'remindAt', message: 'Enter the time for your reminders.' };
  }
  const pace = paceOf(form);
  if (!pace) {
    return { ok: false, field: 'perWeek', message: 'Enter how many emails you want each week.' };
  }
  return {
    ok: true,
    input: {
      startOn: form.startOn,
      pace,
      studyDays: [...form.studyDays].sort((a, b) => a - b),
      remindAt: form.remindAt,
      // Changing the pace or the days keeps the learner's breaks and catch-ups.
      pauses: kept.pauses,
      catchUps: kept.catchUps,
    },
  };
}

function paceOf(form: PlanForm): Pace | undefined {
  if (form.pace === 'custom') {
    const text = form.perWeek.trim();
    const perWeek = Number(text);
    return text === '' || !Number.isFinite(perWeek) ? undefined : { kind: 'per-week', perWeek };
  }
  if (form.pace === 'current') return form.currentPace;
  return PRESETS.find((p) => p.choice === form.pace)?.pace;
}

/** The same form with another pace, for the presets' own previews. */
export function withPace(form: PlanForm, pace: PaceChoice): PlanForm {
  return { ...form, pace };
}

/** "about 8 weeks, finishing Fri 24 Jan", for a preset's label. */
export function durationText(preview: PlanPreview | undefined, today?: string): string {
  if (!preview?.plannedFinishOn) return '';
  const weeks = `about ${preview.weeks} week${preview.weeks === 1 ? '' : 's'}`;
  return `${weeks}, finishing ${formatDay(preview.plannedFinishOn, { today })}`;
}

function firstDueText(firstDueOn: string, today: string | undefined): string {
  if (!today) return `The first is due ${formatDay(firstDueOn)}.`;
  const when = dueSentence(firstDueOn, today);
  // A start in the past: "The first was due Mon 2 Dec."
  return when.startsWith('was ') ? `The first ${when}.` : `The first is ${when}.`;
}

/** The live preview under the form, in one sentence. */
export function previewSentence(preview: PlanPreview, today?: string): string {
  if (!preview.plannedFinishOn) {
    return 'The finish date appears as soon as the course’s emails are saved.';
  }
  const emails = `${preview.emails} email${preview.emails === 1 ? '' : 's'}`;
  const weeks = `about ${preview.weeks} week${preview.weeks === 1 ? '' : 's'}`;
  const first = preview.firstDueOn ? ` ${firstDueText(preview.firstDueOn, today)}` : '';
  return `You would finish on ${formatDay(preview.plannedFinishOn, { today })}: ${emails} over ${weeks}.${first}`;
}
