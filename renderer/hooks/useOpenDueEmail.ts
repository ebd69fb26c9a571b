import { useEffect, useRef } from 'react';
import { useEmails } from '../queries/emails';
import { useProgress } from '../queries/progress';
import { useUiStore } from '../stores/useUiStore';
import { READER_ELEMENT_ID, useReadingFlow } from './useReadingFlow';

/**
 * When studying starts (the library appears, or another course is chosen),
 * the email due first opens by itself, as a study app would show today's
 * card, and the reader takes focus unless the learner is already elsewhere.
 */
export function useOpenDueEmail(courseId: string | undefined): void {
  const listReady = (useEmails(courseId).data?.length ?? 0) > 0;
  const planReady = useProgress(courseId).data !== undefined;
  const nothingOpen = useUiStore((s) => s.openId === undefined);
  const flow = useReadingFlow();
  const openedFor = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!courseId || !listReady || !planReady || !nothingOpen) return;
    if (openedFor.current === courseId) return;
    openedFor.current = courseId;
    if (!flow.openDue()) return;
    const active = document.activeElement;
    if (!active || active === document.body)
      document.getElementById(READER_ELEMENT_ID)?.focus({ preventScroll: true });
  }, [courseId, listReady, planReady, nothingOpen, flow]);
}
