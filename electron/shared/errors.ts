/**
 * Failures as they cross IPC. The core throws StudylineError (electron/core/errors.ts)
 * with one of these codes; the dispatch turns it into `{ code, message, hint }`;
 * the window shows the message and reacts to the code.
 */
export type ErrorCode =
  | 'bad-url' // not a URL, or not http(s)
  | 'dns' // host name does not resolve
  | 'unreachable' // connection refused/reset, offline
  | 'timeout' // no answer, or bytes dripping too slowly
  | 'http' // 4xx/5xx other than the cases below
  | 'rate-limited' // 429/503 with Retry-After
  | 'too-many-redirects'
  | 'too-large' // body over the byte cap
  | 'not-a-feed' // HTML page without a feed link, or some other document
  | 'parse' // looks like a feed but is broken (truncated XML, bad JSON)
  | 'empty' // empty body
  | 'not-found' // unknown course, email, group, sequence
  | 'usage' // wrong command-line or request arguments
  | 'invalid-input' // a value the learner gave is impossible (dates, pace…)
  | 'locked' // another Studyline process owns the data folder
  | 'disk' // read-only folder, disk full, permissions
  | 'corrupt' // a data file could not be read and had no good copy
  | 'newer-version' // a file written by a newer Studyline
  | 'private-address' // a feed on the internet named an address on the learner's own network
  | 'cancelled';

/** Codes only the IPC layer gives: a request from elsewhere, or a bug behind a general sentence. */
export type RequestErrorCode = ErrorCode | 'forbidden' | 'internal';

export interface RequestErrorData {
  code: RequestErrorCode;
  /** The learner's sentence. */
  message: string;
  /** What the learner can do about it, when there is something. */
  hint?: string;
}

/**
 * What every request answers over IPC. Errors travel as data: Electron's
 * contextBridge copies only the message of an Error, so a thrown code or hint
 * would never reach the window.
 */
export type IpcResult<T = unknown> =
  { ok: true; value: T } | { ok: false; error: RequestErrorData };

/** The learner cannot reach a server at all: most likely offline. */
const OFFLINE_CODES: ReadonlySet<string> = new Set<RequestErrorCode>([
  'dns',
  'unreachable',
  'timeout',
]);

export function isOfflineCode(code: string | undefined): boolean {
  return code !== undefined && OFFLINE_CODES.has(code);
}

/** A refused request, as the window sees it: the learner's sentence, with its code and hint. */
export class RequestError extends Error {
  readonly code: RequestErrorCode;
  readonly hint?: string;

  constructor(data: RequestErrorData) {
    super(data.message);
    this.name = 'RequestError';
    this.code = data.code;
    this.hint = data.hint;
  }

  /** The message and the hint as one text for the learner. */
  get fullMessage(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}
