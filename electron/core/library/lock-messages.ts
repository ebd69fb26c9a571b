import { diskProblem, StudylineError } from '../errors';
import { errorCode } from './durable-fs';

export type LockOwner = 'app' | 'cli';

/** What a claim on the data folder says about its process. */
export interface LockInfo {
  pid: number;
  owner: LockOwner;
  at: string;
  host: string;
  token: string;
}

export function lockedError(holder: LockInfo): StudylineError {
  return new StudylineError('locked', holderSentence(holder), {
    hint:
      holder.owner === 'cli'
        ? 'Wait for it to finish, or use another folder with --data.'
        : 'Close it first, or use another folder with --data.',
  });
}

/** "Studyline is open and using this data folder (process 123)." */
export function holderSentence(holder: Pick<LockInfo, 'owner' | 'pid'>): string {
  return holder.owner === 'cli'
    ? `A studyline command is using this data folder (process ${holder.pid}).`
    : `Studyline is open and using this data folder (process ${holder.pid}).`;
}

/** The lock is the first thing written: a full or read-only disk shows up here first. */
export function lockDiskError(error: unknown): StudylineError {
  const problem = diskProblem(error);
  if (!problem) {
    return new StudylineError(
      'disk',
      `Studyline could not claim its data folder: ${(error as Error)?.message ?? error}.`,
      { cause: error },
    );
  }
  const code = errorCode(error);
  const message =
    code === 'EACCES' || code === 'EPERM'
      ? 'Studyline is not allowed to write in its data folder.'
      : `${problem.reason}, so Studyline cannot save anything in its data folder.`;
  return new StudylineError('disk', message, { hint: problem.hint, cause: error });
}
