import { useEffect } from 'react';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { useShownEmails } from './useShownEmails';

/**
 * The keyboard cursor in the course's list: the learner's choice while the
 * list shows it, else the first email shown that is not read yet, which then
 * stays put (so marking it read does not move the cursor away). A filter or a
 * search that hides the cursor's email moves it onto one the learner can see.
 */
export function useSelection(courseId: string | undefined): string | undefined {
  const { all, shown } = useShownEmails(courseId);
  const selectedId = useUiStore((s) => s.selectedId);
  const { select } = useUiActions();
  const kept = shown.some((e) => e.id === selectedId) ? selectedId : undefined;
  const fallback = kept || !all ? undefined : (shown.find((e) => !e.opened) ?? shown[0])?.id;
  useEffect(() => {
    if (fallback) select(fallback);
  }, [fallback, select]);
  return kept ?? fallback;
}
