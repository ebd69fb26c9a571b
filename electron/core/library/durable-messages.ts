import { StudylineError } from '../errors';
import { errorCode } from './durable-fs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov 2026 14:02", in local time: the learner's own clock. */
export function formatWhen(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function restoredMessage(label: string, backupTime: Date): string {
  return (
    `The file holding ${label} was damaged; ` +
    `Studyline restored the last good copy from ${formatWhen(backupTime)}.`
  );
}

/** Said by a process that may not write: the damaged file stays as it is for now. */
export function restoredInMemoryMessage(label: string, backupTime: Date, because: string): string {
  return (
    `The file holding ${label} is damaged. Studyline shows its last good copy from ` +
    `${formatWhen(backupTime)} and changed nothing on disk: ${lowerFirst(because)} ` +
    'The file is restored the next time Studyline can save in this folder.'
  );
}

/** A sentence continued after a colon: "The disk is…" becomes "the disk is…". */
export function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) && !sentence.startsWith('Studyline')
    ? sentence[0]!.toLowerCase() + sentence.slice(1)
    : sentence;
}

export function corruptError(
  label: string,
  file: string,
  keptAs: string | undefined,
): StudylineError {
  const hint = keptAs
    ? `The damaged file was kept as ${keptAs} (nothing was deleted); Studyline starts this part afresh.`
    : `The damaged file is still at ${file}; move it away (or restore a backup) and open Studyline again.`;
  return new StudylineError(
    'corrupt',
    `The file holding ${label} is damaged and there is no good copy to restore it from.`,
    { hint },
  );
}

export function newerVersionError(label: string, file: string): StudylineError {
  return new StudylineError(
    'newer-version',
    `The file holding ${label} was written by a newer version of Studyline, so this version cannot use it.`,
    { hint: `Update Studyline to open it. The file was left untouched: ${file}` },
  );
}

export function readError(error: unknown, label: string): StudylineError {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new StudylineError('disk', `Studyline is not allowed to read ${label}.`, {
      hint: 'Check the permissions of the data folder (or choose another with --data).',
      cause: error,
    });
  }
  return new StudylineError(
    'disk',
    `Could not read ${label}: ${(error as Error)?.message ?? error}.`,
    {
      cause: error,
    },
  );
}

export function journalDamagedMessage(lines: number, keptAs: string | undefined): string {
  const what = lines === 1 ? 'One recent change' : `${lines} recent changes`;
  const kept = keptAs ? ` A copy of the damaged file was kept as ${keptAs}.` : '';
  return `${what} to your progress could not be read back; Studyline kept everything else.${kept}`;
}

/** Said by a process that may not write: nothing is copied or changed yet. */
export function journalDamagedInMemoryMessage(lines: number, because: string): string {
  const what = lines === 1 ? 'One recent change' : `${lines} recent changes`;
  return (
    `${what} to your progress could not be read back; Studyline shows everything else ` +
    `and changed nothing on disk: ${lowerFirst(because)} A copy of the damaged file is kept the next ` +
    'time Studyline can save in this folder.'
  );
}
