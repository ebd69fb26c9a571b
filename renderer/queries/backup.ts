import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportReport } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';

export type BackupTask =
  | { task: 'export' }
  | { task: 'import' }
  | { task: 'calendar'; courseId: string; courseTitle: string };

export interface BackupResult {
  task: BackupTask['task'];
  /** The course of a calendar, so its result shows beside its own button. */
  courseId?: string;
  tone: 'ok' | 'error' | 'neutral';
  text: string;
  /** The file written, for "Show in folder". */
  path?: string;
  report?: ImportReport;
}

export function savedText(what: string, path: string | undefined): Omit<BackupResult, 'task'> {
  return path
    ? { tone: 'ok', text: `${what} saved to ${path}.`, path }
    : { tone: 'neutral', text: 'Nothing was saved: you closed the save window.' };
}

const courseOf = (task: BackupTask) => (task.task === 'calendar' ? task.courseId : undefined);

async function run(task: BackupTask): Promise<Omit<BackupResult, 'task'>> {
  const api = studyline();
  if (task.task === 'export') {
    return savedText('Your progress and plans were', (await api['progress:export']()).path);
  }
  if (task.task === 'calendar') {
    const { path } = await api['plan:exportIcs'](task.courseId);
    return savedText(`The calendar of ${task.courseTitle} was`, path);
  }
  const report = await api['progress:import']();
  if (!report) return { tone: 'neutral', text: 'Nothing was imported: no file chosen.' };
  // The core's `library:changed` and `settings:changed` events re-read what the import changed.
  return { tone: 'ok', text: 'Backup imported.', report, path: report.backupPath };
}

/** Export, import and calendar files: one task at a time, its outcome in words. */
export function useBackupTask() {
  const mutation = useMutation({
    mutationFn: async (task: BackupTask): Promise<BackupResult> => ({
      task: task.task,
      courseId: courseOf(task),
      ...(await run(task)),
    }),
  });
  const [shownError, setShownError] = useState<string>();
  const asked = mutation.variables;
  let result: BackupResult | undefined =
    mutation.error && asked
      ? {
          task: asked.task,
          courseId: courseOf(asked),
          tone: 'error',
          text: errorText(mutation.error),
        }
      : mutation.data;
  if (result && shownError) result = { ...result, tone: 'error', text: shownError };
  return {
    // One task at a time: the buttons stay focusable while busy, so a press is ignored here.
    start: (task: BackupTask) => {
      if (mutation.isPending) return;
      setShownError(undefined);
      mutation.mutate(task);
    },
    /** Shows a file saved here in the system's file manager; says why not when it cannot. */
    showInFolder: (path: string) =>
      void studyline()
        ['file:showInFolder'](path)
        .catch((error: unknown) => setShownError(errorText(error))),
    busy: mutation.isPending ? mutation.variables?.task : undefined,
    result: mutation.isPending ? undefined : result,
  };
}
