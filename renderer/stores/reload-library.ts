import { useGroupsStore } from './useGroupsStore';
import { useLibraryStore } from './useLibraryStore';
import { useProgressStore } from './useProgressStore';
import { useReaderStore } from './useReaderStore';

/**
 * After a sync or a change made elsewhere (the CLI, the tray), re-read what is
 * on screen without blanking it: the learner keeps their place in the list.
 */
export async function reloadLibrary(): Promise<void> {
  await useLibraryStore.getState().actions.refresh();
  const courseId = useLibraryStore.getState().activeCourseId;
  if (!courseId) return;
  await Promise.all([
    useReaderStore.getState().actions.loadEmails(courseId, { quiet: true }),
    useGroupsStore.getState().actions.load(courseId, { quiet: true }),
    // New emails get due dates and change the counts.
    useProgressStore.getState().actions.load(courseId, { quiet: true }),
  ]);
}
