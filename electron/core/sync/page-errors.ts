import { StudylineError, type ErrorCode } from '../errors';

export interface SerializedError {
  code?: ErrorCode;
  message: string;
  hint?: string;
  httpStatus?: number;
  retryAt?: number;
}

/** Errors cross the thread boundary as plain data and come back as StudylineErrors. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof StudylineError) {
    return {
      code: error.code,
      message: error.message,
      hint: error.hint,
      httpStatus: error.httpStatus,
      retryAt: error.retryAt,
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function deserializeError(data: SerializedError): Error {
  if (!data.code) return new Error(data.message);
  return new StudylineError(data.code, data.message, {
    hint: data.hint,
    httpStatus: data.httpStatus,
    retryAt: data.retryAt,
  });
}
