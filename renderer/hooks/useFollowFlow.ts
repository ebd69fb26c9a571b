import { useState } from 'react';
import type { FollowTarget } from '../../electron/shared/contract';
import { errorText } from '../lib/error-text';
import { useLibraryActions } from '../stores/useLibraryStore';
import { useSyncActions } from '../stores/useSyncStore';
import { useUiActions } from '../stores/useUiStore';

/**
 * Follow a course, then run its first sync on the set-up screen, where the
 * learner chooses their plan while the emails arrive (or sees what went wrong).
 */
export function useFollowFlow() {
  const { follow } = useLibraryActions();
  const { start } = useSyncActions();
  const { show } = useUiActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const followAndSync = async (target: FollowTarget) => {
    setBusy(true);
    setError(undefined);
    try {
      const course = await follow(target);
      show('first-sync');
      await start({ courseId: course.id });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return { followAndSync, busy, error };
}
