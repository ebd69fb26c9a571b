import { StudylineError } from '../errors';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function badUrlError(url: string, cause?: unknown): StudylineError {
  return new StudylineError('bad-url', `"${url}" is not a web address Studyline can open.`, {
    hint: 'Use an address that starts with http:// or https://.',
    cause,
  });
}

/**
 * undici reports every network failure as `TypeError: fetch failed` (or
 * `terminated` mid-body); the useful code sits somewhere down the cause chain,
 * sometimes inside an AggregateError when several addresses were tried.
 */
export function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = findErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return findErrorCode(cause, depth + 1);
}

/** Maps a network-level failure (no HTTP answer, or a body cut short) to a learner sentence. */
export function networkError(error: unknown, url: string): StudylineError {
  const host = hostOf(url);
  const code = findErrorCode(error);
  if (code && DNS_CODES.has(code)) {
    return new StudylineError('dns', `Could not find the server ${host}.`, {
      hint: 'Check the address or your connection.',
      cause: error,
    });
  }
  if (code && TIMEOUT_CODES.has(code)) return timeoutError(url, undefined, error);
  if (code && TLS_CODE.test(code)) {
    return new StudylineError('unreachable', `The secure connection to ${host} failed (${code}).`, {
      hint: 'The site’s certificate is not valid; try again later or tell the site’s owner.',
      cause: error,
    });
  }
  // The fetch standard refuses some ports outright (e.g. 1, 25, 6000), with no code.
  if ((error as { cause?: { message?: unknown } })?.cause?.message === 'bad port') {
    return new StudylineError('bad-url', `${url} uses a port that Studyline may not open.`, {
      hint: 'Check the address.',
      cause: error,
    });
  }
  const midBody = (error as Error)?.message === 'terminated';
  const sentence = midBody
    ? `The download from ${host} was interrupted.`
    : `Could not connect to ${host}.`;
  return new StudylineError('unreachable', sentence, {
    hint: 'Check your internet connection, or try again later if the site is down.',
    cause: error,
  });
}

export function timeoutError(url: string, timeoutMs?: number, cause?: unknown): StudylineError {
  const limit = timeoutMs === undefined ? '' : ` (more than ${secondsText(timeoutMs)})`;
  return new StudylineError('timeout', `${hostOf(url)} took too long to answer${limit}.`, {
    hint: 'Try again later.',
    cause,
  });
}

export function cancelledError(url: string): StudylineError {
  return new StudylineError('cancelled', `Downloading ${url} was cancelled.`);
}

export function tooLargeError(url: string, maxBytes: number): StudylineError {
  return new StudylineError(
    'too-large',
    `${url} is larger than ${formatBytes(maxBytes)}, so Studyline did not download it.`,
    {
      hint: 'Check that the address points to a feed, not a large file.',
    },
  );
}

export function redirectError(url: string, loop: boolean, maxRedirects: number): StudylineError {
  const sentence = loop
    ? `${url} redirects in a loop.`
    : `${url} redirects too many times (more than ${maxRedirects}).`;
  return new StudylineError('too-many-redirects', sentence, {
    hint: 'The site may be misconfigured; try again later or use the final address directly.',
  });
}

export function httpError(url: string, status: number): StudylineError {
  const host = hostOf(url);
  if (status === 404 || status === 410) {
    return new StudylineError('http', `The page ${url} was not found (${status}).`, {
      hint: 'Check the address; the feed may have moved.',
      httpStatus: status,
    });
  }
  if (status === 401 || status === 403) {
    return new StudylineError('http', `${host} refused access to ${url} (${status}).`, {
      hint: 'The feed may be private, or the site may block automatic readers.',
      httpStatus: status,
    });
  }
  if (status >= 500) {
    return new StudylineError('http', `${host} is having trouble (${status}).`, {
      hint: 'Try again later.',
      httpStatus: status,
    });
  }
  return new StudylineError('http', `${url} answered with an error (HTTP ${status}).`, {
    httpStatus: status,
  });
}

export function rateLimitedError(url: string, status: number, retryAt?: number): StudylineError {
  const when = retryAt === undefined ? 'in a while' : `after ${new Date(retryAt).toLocaleString()}`;
  return new StudylineError(
    'rate-limited',
    `${hostOf(url)} asked Studyline to wait before downloading again.`,
    {
      hint: `Studyline will try again ${when}.`,
      httpStatus: status,
      retryAt,
    },
  );
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); epoch ms, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  // All three HTTP-date forms start with a day name; Date.parse alone accepts "-5" as a year.
  if (!/^[a-z]{3,9},?\s/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(date, now);
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function secondsText(ms: number): string {
  if (ms < 1000) return `${ms} milliseconds`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
