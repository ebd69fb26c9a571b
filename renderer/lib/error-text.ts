import { RequestError, isOfflineCode } from '../../electron/shared/errors';

/**
 * A thrown value as a sentence for the learner: a refused request's message
 * and what to do about it. Electron wraps other errors that cross IPC as
 * "Error invoking remote method 'x': Error: <message>", which means nothing
 * to a learner, so the wrapping is peeled off.
 */
export function errorText(error: unknown): string {
  if (error instanceof RequestError) return error.fullMessage;
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = raw
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^(?:[A-Z]\w*)?Error:\s*/, '')
    .trim();
  return text || 'Something went wrong. Please try again.';
}

/** The learner stopped it: nothing to report. */
export function isCancelled(error: unknown): boolean {
  return error instanceof RequestError && error.code === 'cancelled';
}

/** No server could be reached at all: most likely offline. */
export function isOffline(error: unknown): boolean {
  return error instanceof RequestError && isOfflineCode(error.code);
}

/** Another Studyline (the app, or the command line) holds the library. */
export function isLocked(error: unknown): boolean {
  return error instanceof RequestError && error.code === 'locked';
}
