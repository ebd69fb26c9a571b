import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import type { MutationOptions, QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  CourseProgressView,
  EmailMarks,
  EmailStateView,
  EmailSummary,
} from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { memoLast } from '../lib/memo-last';
import { studyline } from '../lib/studyline-api';
import { useUiActions } from '../stores/useUiStore';
import { useEmails } from './emails';
import { keys, mutationKeys } from './keys';
import { useProgress } from './progress';

export interface MarkChange {
  emailId: string;
  courseId: string;
  field: 'done' | 'starred';
  value: boolean;
}

const NO_MARKS: EmailMarks = { opened: false, done: false, starred: false };

/**
 * An email's marks as the learner sees them: the course's progress (or the
 * list's own, before it loads) with the changes still in flight drawn over.
 */
export function drawMarks(
  email: EmailSummary,
  view: CourseProgressView | undefined,
  pending: readonly MarkChange[],
): EmailMarks {
  let marks: EmailMarks = view
    ? (view.marks[email.id] ?? NO_MARKS)
    : { opened: email.opened, done: email.done, starred: email.starred };
  for (const change of pending) {
    if (change.emailId !== email.id || change.courseId !== email.courseId) continue;
    // Done implies read, as the core records it.
    marks =
      change.field === 'starred'
        ? { ...marks, starred: change.value }
        : { ...marks, done: change.value, opened: marks.opened || change.value };
  }
  return marks;
}

/** The marked copy last made of each email as listed: kept while its marks stay the same. */
const markedCopies = new WeakMap<EmailSummary, EmailSummary>();

/**
 * The email with these marks. Opening or marking one email changes the marks
 * of the whole course; reusing the copies of the others keeps their rows
 * (memoized) from drawing again.
 */
export function withMarks(email: EmailSummary, marks: EmailMarks): EmailSummary {
  const last = markedCopies.get(email);
  if (
    last &&
    last.opened === marks.opened &&
    last.done === marks.done &&
    last.starred === marks.starred
  )
    return last;
  const copy = { ...email, ...marks };
  markedCopies.set(email, copy);
  return copy;
}

/**
 * Done and star, shown the moment they are clicked: a change in flight is
 * drawn over what the cache holds (drawMarks), so no re-read can flip it back
 * meanwhile. The reply then confirms it; if the core refuses, the change is no
 * longer drawn (the mark goes back as it was) and the learner is told why.
 */
export function markMutation(
  queryClient: QueryClient,
  setMarkError: (text: string | undefined) => void,
): MutationOptions<EmailStateView, Error, MarkChange> {
  return {
    mutationKey: mutationKeys.marks(),
    mutationFn: (change) => {
      setMarkError(undefined);
      const api = studyline();
      return change.field === 'done'
        ? api['email:setDone'](change.emailId, change.value)
        : api['email:setStarred'](change.emailId, change.value);
    },
    onSuccess: (state) => {
      // The `progress:changed` event re-reads the standing; the mark itself is known now.
      const marks = { opened: state.opened, done: state.done, starred: state.starred };
      queryClient.setQueryData<CourseProgressView>(keys.progress(state.courseId), (view) =>
        view ? { ...view, marks: { ...view.marks, [state.emailId]: marks } } : view,
      );
    },
    onError: (error) => setMarkError(errorText(error)),
  };
}

export function useSetMark() {
  const { setMarkError } = useUiActions();
  return useMutation(markMutation(useQueryClient(), setMarkError));
}

function usePendingMarks(): MarkChange[] {
  return useMutationState({
    filters: { mutationKey: mutationKeys.marks(), status: 'pending' },
    select: (mutation) => mutation.state.variables as MarkChange,
  });
}

/** The learner's marks per email of a course, with the changes still in flight drawn over them. */
export function useMarks(courseId: string | undefined): (email: EmailSummary) => EmailMarks {
  const { data: view } = useProgress(courseId);
  const pending = usePendingMarks();
  return useCallback((email: EmailSummary) => drawMarks(email, view, pending), [view, pending]);
}

/**
 * Every email of the list with its marks drawn: one computation for all the
 * components that ask (each has its own list of changes in flight, the same
 * changes: they are compared one by one).
 */
const markedList = memoLast(
  (
    emails: EmailSummary[],
    view: CourseProgressView | undefined,
    ...pending: MarkChange[]
  ): EmailSummary[] => emails.map((email) => withMarks(email, drawMarks(email, view, pending))),
);

/** The course's emails with the learner's marks as they are now; undefined until read. */
export function useMarkedList(courseId: string | undefined): EmailSummary[] | undefined {
  const emails = useEmails(courseId).data;
  const { data: view } = useProgress(courseId);
  const pending = usePendingMarks();
  return emails && markedList(emails, view, ...pending);
}
