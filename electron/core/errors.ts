import type { ErrorCode } from '../shared/errors';

export type { ErrorCode };

/**
 * Every failure a learner can meet is a StudylineError: a code for programs
 * (the contract's, electron/shared/errors.ts), a sentence for people, and
 * (where it helps) what to do next.
 */
export class StudylineError extends Error {
  readonly code: ErrorCode;
  /** What the learner can do about it, when there is something. */
  readonly hint?: string;
  /** HTTP status when the error came from a server answer. */
  readonly httpStatus?: number;
  /** When a server asked us to come back later (Retry-After), as epoch ms. */
  readonly retryAt?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { hint?: string; httpStatus?: number; retryAt?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'StudylineError';
    this.code = code;
    this.hint = extra.hint;
    this.httpStatus = extra.httpStatus;
    this.retryAt = extra.retryAt;
  }

  /** The message and the hint, as one learner-readable text. */
  get fullMessage(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}

export function isStudylineError(error: unknown): error is StudylineError {
  return error instanceof StudylineError;
}

/** Any thrown value as learner-readable text; unexpected errors keep their message. */
export function describeError(error: unknown): string {
  if (error instanceof StudylineError) return error.fullMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Read structurally, not as NodeJS.ErrnoException (the window's types import this file),
 * and from any object, not only this realm's Error instances.
 */
function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export interface DiskProblem {
  /** "The disk is full": the start of a sentence. */
  reason: string;
  /** What the learner can do. */
  hint: string;
}

const UNCHANGED = 'what was saved before is unchanged.';

/** The learner's words for a full, read-only or forbidden disk; undefined for other errors. */
export function diskProblem(error: unknown): DiskProblem | undefined {
  switch (errnoCode(error)) {
    case 'ENOSPC':
      return { reason: 'The disk is full', hint: `Free some space and try again; ${UNCHANGED}` };
    case 'EDQUOT':
      return {
        reason: 'Your disk quota is used up',
        hint: `Free some space in your account (or ask for a larger quota) and try again; ${UNCHANGED}`,
      };
    case 'EROFS':
      return {
        reason: 'The disk is read-only',
        hint: `Studyline needs a folder it can write to (choose another with --data); ${UNCHANGED}`,
      };
    case 'EACCES':
    case 'EPERM':
      return {
        reason: 'Studyline is not allowed to write there',
        hint: 'Check that the data folder is writable (or choose another with --data).',
      };
    default:
      return undefined;
  }
}

/**
 * Turns file-system errors into sentences a learner understands. `place`:
 * the data folder, or a file the learner chose (an export), where the way out differs.
 */
export function diskError(
  error: unknown,
  what: string,
  place: 'data folder' | 'chosen file' = 'data folder',
): StudylineError {
  const code = errnoCode(error);
  const problem = diskProblem(error);
  if (problem && place === 'chosen file' && !['ENOSPC', 'EDQUOT'].includes(String(code))) {
    problem.hint = 'Choose a folder you can write to and try again.';
  }
  if (!problem) {
    return new StudylineError(
      'disk',
      `Could not save ${what}: ${(error as Error)?.message ?? error}.`,
      { cause: error },
    );
  }
  const message =
    code === 'EACCES' || code === 'EPERM'
      ? `Studyline is not allowed to write ${what}.`
      : `${problem.reason}, so ${what} could not be saved.`;
  return new StudylineError('disk', message, { hint: problem.hint, cause: error });
}
