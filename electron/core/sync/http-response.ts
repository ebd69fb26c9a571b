import { parseRetryAfter, tooLargeError } from './http-errors';

export type RateLimited = { status: 'rate-limited'; httpStatus: number; retryAt?: number };

/** A 429, or a 503 that says when to come back; undefined for any other answer. */
export function rateLimitOf(response: Response): RateLimited | undefined {
  const { status, headers } = response;
  if (status !== 429 && status !== 503) return undefined;
  let retryAt = parseRetryAfter(headers.get('retry-after'));
  // Reddit says when its window resets (seconds) instead of sending Retry-After.
  const reset = headers.get('x-ratelimit-reset');
  if (retryAt === undefined && status === 429 && reset !== null) retryAt = parseRetryAfter(reset);
  // A 503 without Retry-After is an outage, not a request to slow down.
  if (status === 503 && retryAt === undefined) return undefined;
  return { status: 'rate-limited', httpStatus: status, retryAt };
}

/**
 * The decoded body, refused as soon as it passes maxBytes (or up front when
 * Content-Length already says so), without ever holding more than the cap.
 */
export async function readCappedBody(
  response: Response,
  url: string,
  maxBytes: number,
): Promise<Buffer> {
  rejectDeclaredLength(response, url, maxBytes);
  if (response.body === null) return Buffer.alloc(0);
  // Node's typings leave a fetch body's chunks as `any`; they are bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw tooLargeError(url, maxBytes);
    }
    chunks.push(value);
  }
}

function rejectDeclaredLength(response: Response, url: string, maxBytes: number): void {
  // Content-Length counts encoded bytes; only an identity body can be judged up front.
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return;
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(response);
    throw tooLargeError(url, maxBytes);
  }
}

/** Frees the connection of a response whose body we do not want. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
