import { useMutation } from '@tanstack/react-query';
import type { ImportReport } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';

export type BackupTask =
  | { task: 'export' }
  | { task: 'import' }
  | { task: 'calendar'; courseId: string; courseTitle: string };

export interface BackupResult {
  task: BackupTask['task'];
  tone: 'ok' | 'error' | 'neutral';
  text: string;
  report?: ImportReport;
}

export function savedText(what: string, path: string | undefined): Omit<BackupResult, 'task'> {
  return path
    ? { tone: 'ok', text: `${what} saved to ${path}.` }
    : { tone: 'neutral', text: 'Nothing was saved: you closed the save window.' };
}

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
  return { tone: 'ok', text: 'Backup imported.', report };
}

/** Export, import and calendar files: one task at a time, its outcome in words. */
export function useBackupTask() {
  const mutation = useMutation({
    mutationFn: async (task: BackupTask): Promise<BackupResult> => ({
      task: task.task,
      ...(await run(task)),
    }),
  });
  const result: BackupResult | undefined =
    mutation.error && mutation.variables
      ? { task: mutation.variables.task, tone: 'error', text: errorText(mutation.error) }
      : mutation.data;
  return {
    start: (task: BackupTask) => mutation.mutate(task),
    busy: mutation.isPending ? mutation.variables?.task : undefined,
    result: mutation.isPending ? undefined : result,
  };
}
