import { describe, expect, it } from 'vitest';
import { networkError, parseRetryAfter } from '../../../electron/core/sync/http-errors';

/** The shape undici gives: TypeError('fetch failed') with the system error as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function systemError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('networkError', () => {
  it('finds the code inside an AggregateError from trying several addresses', () => {
    const cause = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')]);
    const error = networkError(fetchFailed(cause), 'https://groups.example.org/latest.rss');
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('Could not connect to groups.example.org.');
  });

  it('tells a temporary DNS failure from an unreachable server', () => {
    expect(networkError(fetchFailed(systemError('EAI_AGAIN')), 'https://a.example/').code).toBe(
      'dns',
    );
  });

  it('explains a bad certificate as a failed secure connection', () => {
    const error = networkError(fetchFailed(systemError('CERT_HAS_EXPIRED')), 'https://a.example/');
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/secure connection to a\.example failed/);
  });

  it('says a download was interrupted when the body was cut short', () => {
    const cut = new TypeError('terminated', { cause: systemError('UND_ERR_SOCKET') });
    expect(networkError(cut, 'https://a.example/feed').message).toBe(
      'The download from a.example was interrupted.',
    );
  });

  it('treats undici connect timeouts as timeouts', () => {
    expect(
      networkError(fetchFailed(systemError('UND_ERR_CONNECT_TIMEOUT')), 'https://a.example/').code,
    ).toBe('timeout');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 0, 1, 12, 0, 0);

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(now + 120_000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 13:00:00 GMT', now)).toBe(now + 3_600_000);
  });

  it('never asks to wait for a date in the past, and ignores nonsense', () => {
    expect(parseRetryAfter('Mon, 01 Jan 2024 11:00:00 GMT', now)).toBe(now);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
