/**
 * What every request returns over IPC. Errors travel as data because Electron
 * wraps a thrown error's message ("Error invoking remote method 'x': Error: …"),
 * which would reach the learner; preload turns `ok: false` back into an Error
 * carrying exactly the learner's sentence.
 */
export type IpcResult<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { message: string; code: string } };
