import { useLibraryStore } from './useLibraryStore';
import { useProgressStore } from './useProgressStore';
import { useReaderStore } from './useReaderStore';
import { useSettingsStore } from './useSettingsStore';
import { writesPending } from './pending-writes';

let running: Promise<void> | undefined;
let again = false;

async function readProgress(): Promise<void> {
  const courseId = useLibraryStore.getState().activeCourseId;
  const settingsShown = useSettingsStore.getState().settings !== undefined;
  await Promise.all([
    courseId && useProgressStore.getState().actions.load(courseId, { quiet: true }),
    // The done marks in the list may have changed elsewhere (the CLI, an import).
    courseId && useReaderStore.getState().actions.loadEmails(courseId, { quiet: true }),
    // The tray can pause reminders; an import can change every setting.
    settingsShown && useSettingsStore.getState().actions.load(),
  ]);
}

/**
 * Re-reads the active course's standing, its email marks and the settings
 * after a change, however many changes arrive at once: one re-read runs, and
 * one more after it when something changed meanwhile.
 */
export function reloadProgress(): Promise<void> {
  // The last pending save asks again when it finishes.
  if (writesPending()) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await readProgress();
    } while (again && !writesPending());
  })().finally(() => {
    running = undefined;
  });
  return running;
}
