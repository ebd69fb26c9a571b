import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { diskError } from '../errors';
import { errorCode, nodeFs, syncFolder, writeSynced, type DurableFs } from '../library/durable-fs';
import type { Course, GroupDef } from '../../shared/types';
import type { EmailState, ProgressFile } from '../library/model';
import { localDateOf } from '../pace/zoned-time';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-schema';

export { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupReminders } from './backup-schema';
export { parseBackup } from './backup-parse';
export { applyBackup } from './backup-merge';
export { describePace, NOTHING_CHANGED } from './backup-summary';

/** Drops undefined fields, so the file only says what is known. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function exportGroup(group: GroupDef): GroupDef {
  const { id, name, description, liveUrl, feedUrl, fallbackGroupId, sourceId, custom } = group;
  return defined({ id, name, description, liveUrl, feedUrl, fallbackGroupId, sourceId, custom });
}

function exportCourse(course: Course): Course {
  const { id, title, catalogCourseId, sequenceId, archiveUrl, archiveSourceId, followedAt } =
    course;
  return {
    ...defined({ id, title, catalogCourseId, sequenceId, archiveUrl, archiveSourceId, followedAt }),
    groups: course.groups.map(exportGroup),
  };
}

function exportEmails(emails: Readonly<Record<string, EmailState>>): Record<string, EmailState> {
  const out: Record<string, EmailState> = {};
  for (const [emailId, { openedAt, doneAt, note, starred }] of Object.entries(emails)) {
    const state = defined({
      openedAt,
      doneAt,
      note: note || undefined,
      starred: starred || undefined,
    });
    if (Object.keys(state).length > 0) out[emailId] = state;
  }
  return out;
}

/**
 * The learner's progress as one backup file. Only known fields are copied,
 * so the file always passes parseBackup; plans and reminder switches of
 * courses no longer followed are left out. `zone` names the local day in
 * the file name (UTC without it).
 */
export function createBackup(
  progress: Readonly<ProgressFile>,
  nowIso: string,
  appVersion: string,
  zone?: string,
): { fileName: string; text: string } {
  const followed = new Set(progress.courses.map((course) => course.id));
  const { syncEveryHours, theme, closeToTray, startAtLogin, readingFontSize, readingWidth } =
    progress.settings;
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: nowIso,
    app: appVersion,
    courses: progress.courses.map(exportCourse),
    plans: Object.fromEntries(
      Object.entries(progress.plans).filter(([courseId]) => followed.has(courseId)),
    ),
    emails: exportEmails(progress.emails),
    reminders: {
      enabled: progress.reminders.settings.enabled,
      offCourseIds: progress.reminders.settings.offCourseIds.filter((id) => followed.has(id)),
    },
    settings: { syncEveryHours, theme, closeToTray, startAtLogin, readingFontSize, readingWidth },
  };
  const day = zone ? localDateOf(nowIso, zone) : nowIso.slice(0, 10);
  return { fileName: `studyline-backup-${day}.json`, text: `${JSON.stringify(backup, null, 2)}\n` };
}

async function exists(fs: DurableFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Keeps the learner's data as it is before an import, as a progress.json
 * that can be put back in place: `<dataDir>/backups/progress-before-import-<time>.json`.
 * Written to a temp file, flushed, then renamed: never half a copy.
 */
export async function writePreImportCopy(
  dataDir: string,
  current: Readonly<ProgressFile>,
  now: Date,
  fs: DurableFs = nodeFs,
): Promise<string> {
  const folder = path.join(dataDir, 'backups');
  // Colons are not allowed in Windows file names.
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  try {
    await mkdir(folder, { recursive: true });
    let file = path.join(folder, `progress-before-import-${stamp}.json`);
    for (let n = 2; await exists(fs, file); n++)
      file = path.join(folder, `progress-before-import-${stamp}-${n}.json`);
    const tmp = `${file}.tmp`;
    await writeSynced(fs, tmp, `${JSON.stringify(current, null, 2)}\n`);
    await fs.rename(tmp, file);
    await syncFolder(fs, folder);
    return file;
  } catch (error) {
    throw diskError(error, 'a copy of your progress before the import');
  }
}
