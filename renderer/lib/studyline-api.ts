import type { StudylineApi } from '../../electron/shared/contract';

/** The bridge preload puts on window. Only stores call this. */
export function studyline(): StudylineApi {
  const api = (globalThis as { studyline?: StudylineApi }).studyline;
  if (!api) {
    throw new Error(
      'Studyline cannot reach your library: the app bridge is missing. Restart Studyline.',
    );
  }
  return api;
}
