import { useEffect, useState } from 'react';
import type { Plan, PlanPreview } from '../../electron/shared/types';
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
    const ask = async (choice: PaceChoice): Promise<[PaceChoice, PreviewResult]> => {
      const check = planInputOf(withPace(form, choice), plan);
      if (!check.ok) return [choice, { error: check.message }];
      try {
        return [choice, { preview: await preview(courseId, check.input) }];
      } catch (error) {
        return [choice, { error: errorText(error) }];
      }
    };
    const timer = setTimeout(() => {
      void Promise.all(choicesToPreview(form).map(ask)).then((entries) => {
        // An answer for a form the learner has changed since is dropped.
        if (current) setPreviews(Object.fromEntries(entries));
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [courseId, form, plan, preview, refreshKey]);

  return previews;
}
