import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CourseProgressView, EmailSummary } from '../../electron/shared/types';
import { likelyNext } from '../lib/reading-order';
import { readAhead } from '../queries/emails';
import { keys } from '../queries/keys';
import { drawMarks } from '../queries/marks';

/**
 * Once an email is on screen, reads ahead the ones the learner is likely to
 * open next (likelyNext), as NetNewsWire or Anki have the next card ready:
 * Space at the end, Done & next, n, j or a click on the next row then show
 * it at once. Marks come from the cache as it is when the email opened.
 */
export function useReadAhead(courseId: string, openId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (openId === undefined) return;
    const list = queryClient.getQueryData<EmailSummary[]>(keys.emails(courseId));
    if (!list) return;
    const view = queryClient.getQueryData<CourseProgressView>(keys.progress(courseId));
    const emails = list.map((email) => ({ id: email.id, done: drawMarks(email, view, []).done }));
    readAhead(queryClient, likelyNext(emails, openId));
  }, [queryClient, courseId, openId]);
}
