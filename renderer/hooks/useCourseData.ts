import { useEffect } from 'react';
import { useGroupsActions } from '../stores/useGroupsStore';
import { useProgressActions } from '../stores/useProgressStore';
import { useReaderActions } from '../stores/useReaderStore';

/** Loads the emails, progress and groups of the course on screen whenever it changes. */
export function useCourseData(courseId: string | undefined): void {
  const { loadEmails } = useReaderActions();
  const { load: loadGroups } = useGroupsActions();
  const { load: loadProgress } = useProgressActions();
  useEffect(() => {
    if (!courseId) return;
    void loadEmails(courseId);
    void loadProgress(courseId);
    void loadGroups(courseId);
  }, [courseId, loadEmails, loadProgress, loadGroups]);
}
