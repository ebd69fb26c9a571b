import type { FollowTarget } from '../../electron/shared/contract';
import { errorText, isCancelled, isOffline } from '../lib/error-text';
import { useFollow } from '../queries/library';
import { useStartSync } from '../queries/sync';
import { useUiActions } from '../stores/useUiStore';

/** Why following failed, said where the learner asked: at the address field or at the course. */
export interface FollowProblem {
  from: 'url' | 'catalog';
  text: string;
}

/**
 * Follow a course, then run its first sync on the set-up screen, where the
 * learner chooses their plan while the emails arrive (or sees what went wrong).
 */
export function useFollowFlow() {
  const follow = useFollow();
  const startSync = useStartSync();
  const { setActiveCourse, show } = useUiActions();

  const followAndSync = (target: FollowTarget) => {
    // Already on its way: a second press must not follow (and sync) twice.
    if (follow.isPending) return;
    follow.mutate(target, {
      onSuccess: (course) => {
        setActiveCourse(course.id);
        show('first-sync');
        startSync.mutate({ courseId: course.id });
      },
    });
  };

  const error = follow.error && !isCancelled(follow.error) ? follow.error : undefined;
  const target = follow.variables;
  const problem: FollowProblem | undefined =
    error && target
      ? {
          from: 'url' in target ? 'url' : 'catalog',
          text: `${isOffline(error) ? 'Offline — ' : ''}${errorText(error)}`,
        }
      : undefined;
  return { followAndSync, busy: follow.isPending, problem, clearProblem: () => follow.reset() };
}
