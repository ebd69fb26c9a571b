import { useEffect } from 'react';
import { useGroupsActions } from '../stores/useGroupsStore';
import { useReaderActions } from '../stores/useReaderStore';

/** Loads the emails and groups of the course on screen whenever it changes. */
export function useCourseData(courseId: string | undefined): void {
  const { loadEmails } = useReaderActions();
  const { load: loadGroups } = useGroupsActions();
  useEffect(() => {
    if (!courseId) return;
    void loadEmails(courseId);
    void loadGroups(courseId);
  }, [courseId, loadEmails, loadGroups]);
}
