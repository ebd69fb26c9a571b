import { diskError, StudylineError } from '../errors';
import { errorCode } from '../library/durable-fs';

/** What can stand between this computer and the others, in the learner's words. */
export interface ShareProblem {
  code: 'folder-missing' | 'folder-unreadable' | 'folder-unwritable' | 'newer-version' | 'disk';
  message: string;
}

const KEPT = 'Your progress is kept on this computer and shared again once that is fixed.';

export function folderProblem(error: unknown, folder: string): ShareProblem {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return {
      code: 'folder-missing',
      message:
        `The shared folder ${folder} is not there. Is its drive connected, or was the folder ` +
        `moved or renamed? ${KEPT}`,
    };
  }
  return {
    code: 'folder-unreadable',
    message: `Studyline cannot read the shared folder ${folder} (${code ?? describe(error)}). ${KEPT}`,
  };
}

export function writeProblem(error: unknown, folder: string): ShareProblem {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return folderProblem(error, folder);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return {
      code: 'folder-unwritable',
      message:
        `Studyline is not allowed to write into the shared folder ${folder}, so your latest ` +
        `changes have not reached your other computers yet. ${KEPT}`,
    };
  }
  return { code: 'disk', message: `${diskError(error, 'your shared changes').fullMessage}` };
}

export function newerProblem(names: string[]): ShareProblem {
  const who = names.length === 1 ? `Your computer “${names[0]}”` : 'Some of your computers';
  return {
    code: 'newer-version',
    message:
      `${who} uses a newer Studyline, whose changes this one cannot read. ` +
      'Update Studyline here to stay in step with it.',
  };
}

export function progressProblem(error: unknown): ShareProblem {
  return {
    code: 'disk',
    message:
      error instanceof StudylineError
        ? `Changes from your other computers could not be saved here: ${error.fullMessage}`
        : `Changes from your other computers could not be saved here: ${describe(error)}.`,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
