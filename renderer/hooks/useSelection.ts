import { useEffect } from 'react';
import { useEmails } from '../queries/emails';
import { useMarks } from '../queries/marks';
import { useUiActions, useUiStore } from '../stores/useUiStore';

/**
 * The keyboard cursor in the course's list: the learner's choice while it is
 * in the list, else the first email not read yet, which then stays put (so
 * marking it read does not move the cursor away).
 */
export function useSelection(courseId: string | undefined): string | undefined {
  const emails = useEmails(courseId).data;
  const marksOf = useMarks(courseId);
  const selectedId = useUiStore((s) => s.selectedId);
  const { select } = useUiActions();
  const kept = emails?.some((e) => e.id === selectedId) ? selectedId : undefined;
  const fallback =
    kept || !emails ? undefined : (emails.find((e) => !marksOf(e).opened) ?? emails[0])?.id;
  useEffect(() => {
    if (fallback) select(fallback);
  }, [fallback, select]);
  return kept ?? fallback;
}
