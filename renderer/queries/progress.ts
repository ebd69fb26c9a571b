import {
  queryOptions,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { CourseProgressView, PlanInput } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { caughtUpText } from '../lib/progress-text';
import { studyline } from '../lib/studyline-api';
import { sentOr } from './first-requests';
import { keys, mutationKeys } from './keys';

export type PlanChange = 'pause' | 'resume' | 'catch-up';

type PlanMutation = { change: PlanChange } | { save: PlanInput };

const CHANGE_CHANNEL = {
  pause: 'plan:pause',
  resume: 'plan:resume',
  'catch-up': 'plan:catchUp',
} as const;

/** The course's plan, where the learner stands, each email's due date and marks. */
export const progressQuery = (courseId: string) =>
  queryOptions({
    queryKey: keys.progress(courseId),
    queryFn: ({ queryKey }) => sentOr(queryKey, () => studyline()['progress:get'](courseId)),
  });

export function useProgress(courseId: string | undefined) {
  return useQuery({ ...progressQuery(courseId ?? ''), enabled: courseId !== undefined });
}

/**
 * Saves a plan, or pauses, resumes or catches up. The reply is the new
 * standing, shown at once (the `plan:changed` event confirms it). A plan the
 * core refuses changes nothing; the mutation's error says why.
 */
export function usePlanMutation(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.plan(courseId),
    mutationFn: (change: PlanMutation) =>
      'save' in change
        ? studyline()['plan:set'](courseId, change.save)
        : studyline()[CHANGE_CHANNEL[change.change]](courseId),
    onSuccess: (view: CourseProgressView) =>
      queryClient.setQueryData(keys.progress(view.courseId), view),
  });
}

function announce(change: PlanMutation, view: CourseProgressView): string {
  if ('save' in change) return 'Plan saved. Your due dates are updated.';
  if (change.change === 'pause') return 'Plan paused. Your due dates wait for you.';
  if (change.change === 'resume')
    return 'Resumed. Emails not done yet moved later by the length of your break.';
  return caughtUpText(view.status);
}

/** What the last change of the course's plan is doing or did (for the progress header). */
export function usePlanOutcome(courseId: string): {
  busy?: PlanChange;
  actionError?: string;
  announcement?: string;
} {
  const outcomes = useMutationState({
    filters: { mutationKey: mutationKeys.plan(courseId) },
    select: (mutation) => ({
      status: mutation.state.status,
      change: mutation.state.variables as PlanMutation,
      view: mutation.state.data as CourseProgressView | undefined,
      error: mutation.state.error,
    }),
  });
  const last = outcomes.at(-1);
  if (!last) return {};
  const change = 'change' in last.change ? last.change.change : undefined;
  if (last.status === 'pending') return { busy: change };
  if (last.status === 'success' && last.view)
    return { announcement: announce(last.change, last.view) };
  // A refused plan is told by the form that sent it.
  if (last.status === 'error' && change) return { actionError: errorText(last.error) };
  return {};
}
