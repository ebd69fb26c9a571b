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

/** Turns file-system errors into sentences a learner understands. */
export function diskError(error: unknown, what: string): StudylineError {
  // Read structurally, not as NodeJS.ErrnoException: the window's types import this file.
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOSPC') {
    return new StudylineError('disk', `The disk is full, so ${what} could not be saved.`, {
      hint: 'Free some space and try again; what was saved before is unchanged.',
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StudylineError('disk', `Studyline is not allowed to write ${what}.`, {
      hint: 'Check that the data folder is writable (or choose another with --data).',
      cause: error,
    });
  }
  return new StudylineError(
    'disk',
    `Could not save ${what}: ${(error as Error)?.message ?? error}.`,
    {
      cause: error,
    },
  );
}
