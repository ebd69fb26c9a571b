import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CourseProgressView, Email, EmailSummary } from '../../electron/shared/types';
import { studyline } from '../lib/studyline-api';
import { sentOr } from './first-requests';
import { keys } from './keys';

/** The course's emails in sequence order (their marks come with the progress: marks.ts). */
export const emailsQuery = (courseId: string) =>
  queryOptions({
    queryKey: keys.emails(courseId),
    queryFn: ({ queryKey }) => sentOr(queryKey, () => studyline()['emails:list'](courseId)),
  });

export function useEmails(courseId: string | undefined) {
  return useQuery({ ...emailsQuery(courseId ?? ''), enabled: courseId !== undefined });
}

/**
 * The open email. Opening records that the learner read it; the reply says so,
 * and the list shows it without asking again. While the next email loads, the
 * current one stays on screen.
 */
export function useOpenEmail(emailId: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.email(emailId ?? ''),
    queryFn: async () => {
      const email = await studyline()['email:open'](emailId!);
      showOpened(queryClient, email);
      return email;
    },
    enabled: emailId !== undefined,
    // The email on screen stays while the next loads; with none open, none is shown.
    placeholderData: (previous) => (emailId === undefined ? undefined : previous),
  });
  // Read ahead (readAhead) and now on screen: opened, as far as the core knows, only now.
  const readAheadOnly =
    query.data?.id === emailId && query.data?.opened === false ? query.data : undefined;
  useEffect(() => {
    if (readAheadOnly) void recordOpened(queryClient, readAheadOnly);
  }, [queryClient, readAheadOnly]);
  return query;
}

/**
 * Reads emails before the learner opens them, recording nothing (email:read):
 * the next ones in the reading flow then open without waiting for the core.
 * Emails already read stay as they are.
 */
export function readAhead(queryClient: QueryClient, emailIds: readonly string[]): void {
  for (const emailId of emailIds) {
    void queryClient.prefetchQuery({
      queryKey: keys.email(emailId),
      queryFn: () => studyline()['email:read'](emailId),
    });
  }
}

/** An email read ahead is on screen: the list shows it read at once, and the core records it. */
async function recordOpened(queryClient: QueryClient, email: Email): Promise<void> {
  queryClient.setQueryData<Email>(keys.email(email.id), { ...email, opened: true });
  showOpened(queryClient, email);
  try {
    const opened = await studyline()['email:open'](email.id);
    queryClient.setQueryData<Email>(keys.email(email.id), opened);
  } catch {
    // Not recorded: both are read again, the email the usual way (an error then shows why).
    void queryClient.invalidateQueries({ queryKey: keys.email(email.id), exact: true });
    void queryClient.invalidateQueries({ queryKey: keys.progress(email.courseId), exact: true });
  }
}

/** The list shows the email read, without asking for the course's progress again. */
function showOpened(queryClient: QueryClient, email: Email): void {
  queryClient.setQueryData<CourseProgressView>(keys.progress(email.courseId), (view) =>
    view ? withOpened(view, email) : view,
  );
}

function withOpened(view: CourseProgressView, email: Email): CourseProgressView {
  const marks = view.marks[email.id];
  if (marks?.opened) return view;
  const opened = { opened: true, done: marks?.done ?? false, starred: marks?.starred ?? false };
  return { ...view, marks: { ...view.marks, [email.id]: opened } };
}

/**
 * Saves the learner's note; the open email shows what the core kept, and its
 * row whether it has one (the list's note icon and "With notes" filter),
 * without reading the whole list again.
 */
export function useSaveNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ emailId, note }: { emailId: string; note: string }) =>
      studyline()['email:setNote'](emailId, note),
    onSuccess: (state) => {
      queryClient.setQueryData<Email>(keys.email(state.emailId), (email) =>
        email ? { ...email, note: state.note } : email,
      );
      const hasNote = Boolean(state.note);
      queryClient.setQueryData<EmailSummary[]>(keys.emails(state.courseId), (list) =>
        list?.map((e) => (e.id === state.emailId && e.hasNote !== hasNote ? { ...e, hasNote } : e)),
      );
    },
  });
}
