import { create } from 'zustand';
import type { ImportReport } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';

type BackupTask = 'export' | 'import' | 'calendar';

export interface BackupResult {
  task: BackupTask;
  tone: 'ok' | 'error' | 'neutral';
  text: string;
  report?: ImportReport;
}

interface BackupState {
  busy?: BackupTask;
  result?: BackupResult;
  actions: {
    exportProgress: () => Promise<void>;
    /** Asks for a backup; the core validates it and keeps a copy of the current data first. */
    importProgress: () => Promise<void>;
    exportCalendar: (courseId: string, courseTitle: string) => Promise<void>;
    clear: () => void;
  };
}

function savedText(what: string, path: string | undefined): Omit<BackupResult, 'task'> {
  return path
    ? { tone: 'ok', text: `${what} saved to ${path}.` }
    : { tone: 'neutral', text: 'Nothing was saved: you closed the save window.' };
}

export const useBackupStore = create<BackupState>()((set, get) => {
  const run = async (task: BackupTask, work: () => Promise<Omit<BackupResult, 'task'>>) => {
    if (get().busy) return;
    set({ busy: task, result: undefined });
    try {
      set({ result: { task, ...(await work()) } });
    } catch (error) {
      set({ result: { task, tone: 'error', text: errorText(error) } });
    } finally {
      set({ busy: undefined });
    }
  };

  return {
    actions: {
      exportProgress: () =>
        run('export', async () =>
          savedText('Your progress and plans were', (await studyline()['progress:export']()).path),
        ),
      importProgress: () =>
        run('import', async () => {
          const report = await studyline()['progress:import']();
          if (!report) return { tone: 'neutral', text: 'Nothing was imported: no file chosen.' };
          return { tone: 'ok', text: 'Backup imported.', report };
        }),
      exportCalendar: (courseId, courseTitle) =>
        run('calendar', async () =>
          savedText(
            `The calendar of ${courseTitle} was`,
            (await studyline()['plan:exportIcs'](courseId)).path,
          ),
        ),
      clear() {
        set({ result: undefined });
      },
    },
  };
});

export const useBackupActions = () => useBackupStore((state) => state.actions);
