import { version } from '../../../package.json';
import { StudylineError } from '../errors';
import type { AddressGuard } from './address-policy';
import {
  badUrlError,
  cancelledError,
  httpError,
  networkError,
  redirectError,
  timeoutError,
} from './http-errors';
import { discardBody, rateLimitOf, readCappedBody } from './http-response';
import type { RateLimited } from './http-response';

export interface FetchOptions {
  /** Deadline for the whole request, body included (a server dripping bytes must time out). */
  timeoutMs?: number;
  /** Cap on the decompressed body. */
  maxBytes?: number;
  maxRedirects?: number;
  etag?: string;
  lastModified?: string;
  accept?: string;
  userAgent?: string;
  /** The learner cancelled: rejects with StudylineError('cancelled'). */
  signal?: AbortSignal;
  /** A host that asks us to wait up to this long is waited for (HttpLayer); longer throws 'rate-limited'. */
  maxRetryWaitMs?: number;
  /** Refuses addresses a feed must not reach (its learner's network): checked before every hop. */
  addressGuard?: AddressGuard;
}

export type FetchResult =
  | { status: 'not-modified'; url: string; etag?: string; lastModified?: string }
  | {
      status: 'ok';
      url: string;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
    };

// Reddit and some CDNs answer 403/429 to generic or missing User-Agents.
export const DEFAULT_USER_AGENT = `Studyline/${version} (desktop study companion; +https://github.com/studyline)`;
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

const DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  accept: DEFAULT_ACCEPT,
  userAgent: DEFAULT_USER_AGENT,
};
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Settings = typeof DEFAULTS & FetchOptions;

/** One try: its own deadline, and the address currently being fetched (after redirects). */
interface Attempt {
  settings: Settings;
  signal: AbortSignal;
  deadline: AbortSignal;
  url: string;
}

/**
 * One GET of a feed, page or picture: redirects, conditional headers, caps and
 * learner-readable errors. A 429 (or a 503 with Retry-After) comes back as
 * 'rate-limited' for the caller's policy: everything should go through
 * HttpLayer (http-layer.ts), which adds the limits and that policy.
 */
export async function fetchOnce(
  url: string,
  options: FetchOptions = {},
): Promise<FetchResult | RateLimited> {
  const settings: Settings = { ...DEFAULTS, ...definedOnly(options) };
  const start = parseHttpUrl(url);
  if (settings.signal?.aborted) throw cancelledError(start);
  return attempt(start, settings);
}

export function parseHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    throw badUrlError(url, error);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badUrlError(url);
  return parsed.href;
}

async function attempt(url: string, settings: Settings): Promise<FetchResult | RateLimited> {
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const signal = settings.signal ? AbortSignal.any([deadline, settings.signal]) : deadline;
  const current: Attempt = { settings, signal, deadline, url };
  try {
    const response = await followRedirects(current);
    return await readResponse(response, current);
  } catch (error) {
    if (error instanceof StudylineError) throw error;
    if (settings.signal?.aborted) throw cancelledError(url);
    if (deadline.aborted) throw timeoutError(current.url, settings.timeoutMs, error);
    throw networkError(error, current.url);
  }
}

async function followRedirects(current: Attempt): Promise<Response> {
  const start = current.url;
  const visited = new Set<string>([start]);
  for (let hops = 0; ; hops++) {
    // After DNS, before any byte is sent: the first address and every redirect's.
    await current.settings.addressGuard?.check(current.url);
    const response = await fetch(current.url, {
      redirect: 'manual',
      signal: current.signal,
      headers: requestHeaders(current.settings),
    });
    const location = REDIRECT_STATUSES.has(response.status)
      ? response.headers.get('location')
      : null;
    if (location === null) return response;
    discardBody(response);
    const next = redirectTarget(location, current.url);
    if (visited.has(next)) throw redirectError(start, true, current.settings.maxRedirects);
    if (hops >= current.settings.maxRedirects)
      throw redirectError(start, false, current.settings.maxRedirects);
    visited.add(next);
    current.url = next;
  }
}

function redirectTarget(location: string, from: string): string {
  let next: URL | undefined;
  try {
    next = new URL(location, from);
  } catch {
    next = undefined;
  }
  // A feed must never bounce us to file:, javascript:, data: or ftp:.
  if (next?.protocol !== 'http:' && next?.protocol !== 'https:') {
    throw new StudylineError(
      'bad-url',
      `${from} sent Studyline to "${location}", which is not a web address.`,
      {
        hint: 'The site may be misconfigured; check the address.',
      },
    );
  }
  return next.href;
}

function requestHeaders(settings: Settings): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: settings.accept,
    // undici decodes these itself; say so explicitly so servers compress.
    'accept-encoding': 'gzip, deflate, br',
  };
  if (settings.etag) headers['if-none-match'] = settings.etag;
  if (settings.lastModified) headers['if-modified-since'] = settings.lastModified;
  return headers;
}

async function readResponse(
  response: Response,
  current: Attempt,
): Promise<FetchResult | RateLimited> {
  const { status, headers } = response;
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  if (status === 304) {
    discardBody(response);
    const { settings } = current;
    return {
      status: 'not-modified',
      url: current.url,
      etag: etag ?? settings.etag,
      lastModified: lastModified ?? settings.lastModified,
    };
  }
  const limited = rateLimitOf(response);
  if (limited) {
    discardBody(response);
    return limited;
  }
  if (status < 200 || status > 299) {
    discardBody(response);
    throw httpError(current.url, status);
  }
  const body = await readCappedBody(response, current.url, current.settings.maxBytes);
  const contentType = headers.get('content-type') ?? undefined;
  return { status: 'ok', url: current.url, body, contentType, etag, lastModified };
}

function definedOnly(options: FetchOptions): FetchOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
