import { useEffect, useState } from 'react';
import { RequestError } from '../../electron/shared/errors';
import type { Plan, PlanInput, PlanPreview, PlanPreviewResult } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { PRESETS, planInputOf, withPace } from '../lib/plan-form';
import type { PaceChoice, PlanForm } from '../lib/plan-form';
import { useProgressActions } from '../stores/useProgressStore';

export type PreviewResult = { preview: PlanPreview } | { error: string };
export type Previews = Partial<Record<PaceChoice, PreviewResult>>;

const SETTLE_MS = 200;

function choicesToPreview(form: PlanForm): PaceChoice[] {
  const choices: PaceChoice[] = PRESETS.map((p) => p.choice);
  if (form.perWeek.trim()) choices.push('custom');
  if (form.currentPace) choices.push('current');
  return choices;
}

/** Every pace of the form in one request; a pace the form itself refuses is not asked. */
async function previewAll(
  courseId: string,
  form: PlanForm,
  plan: Plan,
  preview: (courseId: string, inputs: PlanInput[]) => Promise<PlanPreviewResult[]>,
): Promise<Previews> {
  const previews: Previews = {};
  const asked: [PaceChoice, PlanInput][] = [];
  for (const choice of choicesToPreview(form)) {
    const check = planInputOf(withPace(form, choice), plan);
    if (check.ok) asked.push([choice, check.input]);
    else previews[choice] = { error: check.message };
  }
  if (asked.length === 0) return previews;
  try {
    const results = await preview(
      courseId,
      asked.map(([, input]) => input),
    );
    asked.forEach(([choice], i) => {
      const result = results[i];
      if (result)
        previews[choice] =
          'preview' in result ? result : { error: errorText(new RequestError(result.error)) };
    });
  } catch (error) {
    for (const [choice] of asked) previews[choice] = { error: errorText(error) };
  }
  return previews;
}

/**
 * What each pace would give with the rest of the form as it is, asked of the
 * core a moment after the learner stops typing. `refreshKey` re-asks when the
 * course's emails change (the first sync still arriving).
 */
export function usePlanPreviews(
  courseId: string,
  form: PlanForm,
  plan: Plan,
  refreshKey: unknown,
): Previews {
  const { preview } = useProgressActions();
  const [previews, setPreviews] = useState<Previews>({});

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void previewAll(courseId, form, plan, preview).then((result) => {
        // An answer for a form the learner has changed since is dropped.
        if (current) setPreviews(result);
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [courseId, form, plan, preview, refreshKey]);

  return previews;
}
