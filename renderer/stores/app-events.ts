import { studyline } from '../lib/studyline-api';
import { onWritesSettled } from './pending-writes';
import { reloadProgress } from './progress-refresh';
import { reloadLibrary } from './reload-library';
import { useLibraryStore } from './useLibraryStore';
import { useReaderStore } from './useReaderStore';
import { useUiStore } from './useUiStore';

/**
 * Main's events about the library as a whole: changes made elsewhere (the
 * CLI, the tray, another sync), progress and plans, and a clicked reminder
 * asking for an email.
 * Returns the unsubscribe.
 */
export function connectAppEvents(): () => void {
  const api = studyline();
  const offs = [
    api.on('library:changed', () => void reloadLibrary()),
    api.on('progress:changed', () => void reloadProgress()),
    api.on('plan:changed', () => void reloadProgress()),
    api.on('settings:changed', () => void reloadProgress()),
    // A done mark or star saved from this window: the counts and the streak follow.
    onWritesSettled(() => void reloadProgress()),
    api.on('app:openEmail', ({ courseId, emailId }) => {
      // The reader switches first, so the course change that follows finds it already there.
      void useReaderStore.getState().actions.reveal(courseId, emailId);
      useLibraryStore.getState().actions.setActiveCourse(courseId);
      useUiStore.getState().actions.show('library');
    }),
  ];
  // Listening now: main hands over what waited for the window (a clicked reminder).
  void api['app:ready']().catch(() => undefined);
  return () => offs.forEach((off) => off());
}
