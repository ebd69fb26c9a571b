import type { FollowTarget } from '../../electron/shared/contract';
import { errorText, isCancelled, isOffline } from '../lib/error-text';
import { useFollow } from '../queries/library';
import { useStartSync } from '../queries/sync';
import { useUiActions } from '../stores/useUiStore';

/**
 * Follow a course, then run its first sync on the set-up screen, where the
 * learner chooses their plan while the emails arrive (or sees what went wrong).
 */
export function useFollowFlow() {
  const follow = useFollow();
  const startSync = useStartSync();
  const { setActiveCourse, show } = useUiActions();

  const followAndSync = (target: FollowTarget) => {
    follow.mutate(target, {
      onSuccess: (course) => {
        setActiveCourse(course.id);
        show('first-sync');
        startSync.mutate({ courseId: course.id });
      },
    });
  };

  const error = follow.error && !isCancelled(follow.error) ? follow.error : undefined;
  return {
    followAndSync,
    busy: follow.isPending,
    error: error ? errorText(error) : undefined,
    offline: isOffline(error),
  };
}
