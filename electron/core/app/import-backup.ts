import type { ImportReport } from '../../shared/types';
import type { DurableFs } from '../library/durable-fs';
import type { ProgressStore } from '../library/progress-store';
import { applyBackup, parseBackup, writePreImportCopy } from '../transfer/backup';

/**
 * Imports a backup: validated first (a bad file changes nothing), then the
 * current data is copied aside, then applied in one write.
 */
export async function importBackup(
  dataDir: string,
  progress: ProgressStore,
  text: string,
  now: Date,
  fs?: DurableFs,
): Promise<ImportReport> {
  const backup = parseBackup(text);
  const { report } = applyBackup(structuredClone(progress.data), backup);
  const backupPath = await writePreImportCopy(dataDir, progress.data, now, fs);
  await progress.update((draft) => {
    const { next } = applyBackup(draft, backup);
    Object.assign(draft, next);
  });
  return { ...report, backupPath };
}
