import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RequestError } from '../../electron/shared/errors';
import type { CourseView, Plan, PlanInput, PlanPreview } from '../../electron/shared/types';
import { useSettled } from '../hooks/useSettled';
import { errorText } from '../lib/error-text';
import { PRESETS, planInputOf, withPace } from '../lib/plan-form';
import type { PaceChoice, PlanForm } from '../lib/plan-form';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';
import { libraryVersionOf } from './library';

export type PreviewResult = { preview: PlanPreview } | { error: string };
export type Previews = Partial<Record<PaceChoice, PreviewResult>>;

/** The learner is still typing: ask once they pause. */
const SETTLE_MS = 200;

function choicesToPreview(form: PlanForm): PaceChoice[] {
  const choices: PaceChoice[] = PRESETS.map((p) => p.choice);
  if (form.perWeek.trim()) choices.push('custom');
  if (form.currentPace) choices.push('current');
  return choices;
}

/** The paces to ask the core about, and those the form itself refuses (never sent). */
function choicesOf(form: PlanForm, plan: Plan) {
  const asked: { choice: PaceChoice; input: PlanInput }[] = [];
  const refused: Previews = {};
  for (const choice of choicesToPreview(form)) {
    const check = planInputOf(withPace(form, choice), plan);
    if (check.ok) asked.push({ choice, input: check.input });
    else refused[choice] = { error: check.message };
  }
  return { asked, refused };
}

/**
 * What each pace would give with the rest of the form as it is: one request
 * per change of the form, a moment after the learner stops typing, cached by
 * (the plans asked, the course's saved emails). A sync saving pages does not
 * ask again; the library changing once it has finished does.
 */
export function usePlanPreviews(course: CourseView, form: PlanForm, plan: Plan): Previews {
  const settled = useSettled(form, SETTLE_MS);
  const { asked, refused } = useMemo(() => choicesOf(settled, plan), [settled, plan]);
  const query = useQuery({
    queryKey: keys.previews(course.id, asked, libraryVersionOf(course)),
    queryFn: async (): Promise<Previews> => {
      const results = await studyline()['plan:preview'](
        course.id,
        asked.map((a) => a.input),
      );
      const previews: Previews = {};
      asked.forEach(({ choice }, i) => {
        const result = results[i];
        if (!result) return;
        previews[choice] =
          'preview' in result ? result : { error: errorText(new RequestError(result.error)) };
      });
      return previews;
    },
    enabled: asked.length > 0,
    // An answer for the form as it was stays until the new one comes.
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    if (query.error) {
      const failed: Previews = {};
      for (const { choice } of asked) failed[choice] = { error: errorText(query.error) };
      return { ...failed, ...refused };
    }
    return { ...query.data, ...refused };
  }, [query.data, query.error, asked, refused]);
}
