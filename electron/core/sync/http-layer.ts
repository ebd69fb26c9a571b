import { setTimeout as delay } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import { isStudylineError } from '../errors';
import { cancelledError, findErrorCode, hostOf, rateLimitedError } from './http-errors';
import { fetchOnce, parseHttpUrl, type FetchOptions, type FetchResult } from './http-fetch';

export interface HttpLayerOptions {
  /** Requests in flight to one host (the politeness norm browsers and crawlers use). */
  perHost?: number;
  /** Requests in flight over all hosts together. */
  global?: number;
  /** First wait after a 429 without Retry-After; doubles with each further one. */
  backoffBaseMs?: number;
  /** Longest wait we impose ourselves (a server's own Retry-After is honoured as given). */
  backoffMaxMs?: number;
  /** A host asking to wait longer than this fails the request instead (default 30 s). */
  maxRetryWaitMs?: number;
  now?: () => number;
}

interface HostState {
  limit: LimitFunction;
  /** Rate-limited answers in a row; reset by any other answer. */
  strikes: number;
  /** Nothing is sent to this host before then (epoch ms). */
  blockedUntil: number;
  lastStatus: number;
}

/** Tries of one request that keeps being rate-limited, waits included. */
const MAX_TRIES = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one way Studyline talks HTTP: archive pages, group feeds, pictures and
 * feed discovery all go through one layer, so every source together keeps
 * to at most `perHost` requests at once per host and `global` overall, and a
 * host that says "slow down" (429, or 503 with Retry-After) is paused for
 * every request at once, with exponential backoff when it gives no time.
 *
 * Address checks (refusing private networks after DNS and each redirect)
 * belong in fetchOnce's redirect loop; per-source budgets in the sync code.
 */
export class HttpLayer {
  private readonly global: LimitFunction;
  private readonly hosts = new Map<string, HostState>();
  private readonly settings: Required<Omit<HttpLayerOptions, 'now'>>;
  private readonly now: () => number;

  constructor(options: HttpLayerOptions = {}) {
    this.settings = {
      perHost: options.perHost ?? 6,
      global: options.global ?? 16,
      backoffBaseMs: options.backoffBaseMs ?? 5_000,
      backoffMaxMs: options.backoffMaxMs ?? DAY_MS,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
    };
    this.now = options.now ?? Date.now;
    this.global = pLimit(this.settings.global);
  }

  /** GETs `url` within the limits; waits out (or fails on) a host's request to slow down. */
  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const href = parseHttpUrl(url);
    const host = this.hostState(hostOf(href));
    const maxWait = options.maxRetryWaitMs ?? this.settings.maxRetryWaitMs;
    for (let tries = 1; ;) {
      const outcome = await this.whenAllowed(host, href, maxWait, options.signal, () =>
        host.limit(() => this.global(() => this.sendUnlessBlocked(host, href, options))),
      );
      if (outcome === 'blocked') continue;
      if (outcome.status !== 'rate-limited') {
        host.strikes = 0;
        return outcome;
      }
      const until = this.slowDown(host, outcome.httpStatus, outcome.retryAt);
      if (tries++ >= MAX_TRIES) throw rateLimitedError(href, outcome.httpStatus, until);
    }
  }

  /** When the host of `url` may be asked again (epoch ms), or undefined when it may now. */
  blockedUntil(url: string): number | undefined {
    const host = this.hosts.get(hostOf(url));
    return host && host.blockedUntil > this.now() ? host.blockedUntil : undefined;
  }

  /** Marks a host as asking to wait until `until` (e.g. a Retry-After remembered from a past sync). */
  holdHost(url: string, until: number, status = 429): void {
    const host = this.hostState(hostOf(url));
    host.blockedUntil = Math.max(host.blockedUntil, until);
    host.lastStatus = status;
  }

  private async whenAllowed<T>(
    host: HostState,
    url: string,
    maxWait: number,
    signal: AbortSignal | undefined,
    send: () => Promise<T>,
  ): Promise<T> {
    const wait = host.blockedUntil - this.now();
    if (wait > maxWait) throw rateLimitedError(url, host.lastStatus, host.blockedUntil);
    if (wait > 0) {
      try {
        await delay(wait, undefined, { signal });
      } catch {
        throw cancelledError(url);
      }
    }
    return send();
  }

  /** A request that got its slot while another one was told to slow down waits its turn again. */
  private async sendUnlessBlocked(host: HostState, url: string, options: FetchOptions) {
    if (host.blockedUntil > this.now()) return 'blocked' as const;
    try {
      return await fetchOnce(url, options);
    } catch (error) {
      // A kept-alive connection the server had just closed: a GET is safe to send again, once.
      if (!isStaleConnection(error)) throw error;
      return fetchOnce(url, options);
    }
  }

  /** The backoff policy: the server's time if it gave one, else base × 2^(strikes−1). */
  private slowDown(host: HostState, status: number, retryAt: number | undefined): number {
    host.strikes += 1;
    host.lastStatus = status;
    const { backoffBaseMs, backoffMaxMs } = this.settings;
    const ours = Math.min(backoffBaseMs * 2 ** (host.strikes - 1), backoffMaxMs);
    const until = retryAt ?? this.now() + ours;
    host.blockedUntil = Math.max(host.blockedUntil, until);
    return host.blockedUntil;
  }

  private hostState(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        limit: pLimit(this.settings.perHost),
        strikes: 0,
        blockedUntil: 0,
        lastStatus: 429,
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}

const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function isStaleConnection(error: unknown): boolean {
  if (!isStudylineError(error) || error.code !== 'unreachable') return false;
  const code = findErrorCode(error.cause);
  return code !== undefined && STALE_CONNECTION_CODES.has(code);
}

/** The layer of code that is not handed one (tests, one-off commands): limited all the same. */
export const sharedHttpLayer = new HttpLayer();

export function fetchResource(
  url: string,
  options: FetchOptions = {},
  layer: HttpLayer = sharedHttpLayer,
): Promise<FetchResult> {
  return layer.fetch(url, options);
}
