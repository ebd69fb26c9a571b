import type { EmailSummary } from '../../electron/shared/types';
import { memoLast } from '../lib/memo-last';
import { afterDone, nextNotDone, previousNotDone, startingEmail } from '../lib/reading-order';
import { useActiveCourse } from '../queries/library';
import { useMarkedList, useSetMark } from '../queries/marks';
import { useProgress } from '../queries/progress';
import { useUiActions, useUiStore } from '../stores/useUiStore';

/** The reader's scrolling element: the reading pane. */
export const READER_ELEMENT_ID = 'reader';

/** How much of the email one Space shows: a screen, minus a line or two to keep the reader's place. */
const PAGE_OVERLAP = 0.88;

/** An email of the list with the learner's marks as shown (changes in flight included). */
export interface MarkedEmail {
  id: string;
  done: boolean;
  starred: boolean;
  summary: EmailSummary;
}

/** What a move reads when it is asked for: the latest list, marks and cursor, never stale. */
interface FlowState {
  courseId?: string;
  emails: readonly MarkedEmail[];
  openId?: string;
  selectedId?: string;
  /** The email due first in the learner's plan (from the core). */
  dueFirstId?: string;
  open: (emailId: string) => void;
  announce: (text: string) => void;
  setDone: (emailId: string, courseId: string, done: boolean) => Promise<unknown>;
}

/** After an email opens: the reader takes focus unless the learner is working in the list. */
function focusReader(): void {
  const reader = document.getElementById(READER_ELEMENT_ID);
  const active = document.activeElement;
  const inReader = active !== null && reader?.contains(active);
  if (!active || active === document.body || inReader) reader?.focus({ preventScroll: true });
}

/**
 * The daily loop's moves, shared by the keys, the buttons and the header:
 * open the email due, go to the next or previous one not done, Done & next,
 * and Space that reads on.
 */
export function readingFlow(state: () => FlowState) {
  const current = () => state().openId ?? state().selectedId;
  const go = (emailId: string | undefined, none: string) => {
    if (emailId) {
      state().open(emailId);
      focusReader();
    } else state().announce(none);
    return emailId !== undefined;
  };

  return {
    /** When studying starts: the email due first (from the core), else the first not done. */
    openDue() {
      const { emails, dueFirstId } = state();
      return go(startingEmail(emails, dueFirstId), 'There is nothing to read yet.');
    },
    next() {
      return go(nextNotDone(state().emails, current()), 'No email left to do after this one.');
    },
    previous() {
      return go(previousNotDone(state().emails, current()), 'No email left to do before this one.');
    },
    /** Marks the open email done and opens what comes next. */
    async doneAndNext() {
      const { openId, courseId, emails } = state();
      if (!openId || !courseId) return;
      const next = afterDone(emails, openId);
      try {
        await state().setDone(openId, courseId, true);
      } catch {
        // Refused: the mark went back and the banner says why; stay on this email.
        return;
      }
      if (next) go(next, '');
      else state().announce('Every email of this course is done. Well done!');
    },
    /**
     * Space: a screen further down the email; at its end, the next email not
     * done. Shift+Space: a screen up; at its top, the previous one.
     */
    space(backwards: boolean) {
      const pane = document.getElementById(READER_ELEMENT_ID);
      if (!pane || !state().openId) return this.openDue();
      const atTop = pane.scrollTop <= 1;
      const atEnd = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 2;
      if (backwards && atTop) return this.previous();
      if (!backwards && atEnd) return this.next();
      const step = pane.clientHeight * PAGE_OVERLAP * (backwards ? -1 : 1);
      pane.scrollBy({ top: step, behavior: 'instant' });
      return true;
    },
  };
}

export type ReadingFlow = ReturnType<typeof readingFlow>;

const NO_EMAILS: readonly MarkedEmail[] = [];

/** The marked list as the flow reads it: once per change of the list, for every caller. */
const flowEmails = memoLast((marked: EmailSummary[]): MarkedEmail[] =>
  marked.map((summary) => ({
    id: summary.id,
    done: summary.done,
    starred: summary.starred,
    summary,
  })),
);

/** The course's emails with their marks as the learner sees them. */
export function useFlowEmails(courseId: string | undefined): readonly MarkedEmail[] {
  const marked = useMarkedList(courseId);
  return marked ? flowEmails(marked) : NO_EMAILS;
}

/** The reading flow of the course on screen, for components and the keys (through a ref). */
export function useReadingFlow(): ReadingFlow {
  const courseId = useActiveCourse()?.id;
  const emails = useFlowEmails(courseId);
  const dueFirstId = useProgress(courseId).data?.status.next?.emailId;
  const openId = useUiStore((s) => s.openId);
  const selectedId = useUiStore((s) => s.selectedId);
  const { open, announce } = useUiActions();
  const setMark = useSetMark();
  const snapshot: FlowState = {
    courseId,
    emails,
    openId,
    selectedId,
    dueFirstId,
    open,
    announce,
    setDone: (emailId, course, done) =>
      setMark.mutateAsync({ emailId, courseId: course, field: 'done', value: done }),
  };
  // Built on each render from what is on screen: a move reads the list, marks and cursor as shown.
  return readingFlow(() => snapshot);
}
