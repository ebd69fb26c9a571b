import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeError, diskError, isStudylineError } from '../errors';
import type { CachedImage } from '../library/model';
import type { FetchOptions } from '../sync/http-fetch';
import { fetchResource, type HttpLayer } from '../sync/http-layer';
import { formatBytes } from '../sync/http-errors';
import { attribute, findImgTags, imageUrlOf } from './img-tags';
import { checkPicture, IMAGE_ACCEPT, IMAGE_EXTENSIONS } from './image-types';

export interface ImageCacheOptions {
  /** <dataDir>/assets */
  assetsDir: string;
  /** A single picture over this is skipped. Default 5 MB. */
  maxImageBytes?: number;
  /** All pictures downloaded by one call together. Default 100 MB. */
  maxTotalBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetchOptions?: FetchOptions;
  /** Only these of the email's pictures (a retry of the ones that failed). */
  onlyUrls?: string[];
  /** Shared with the pages and feeds of the sync: its limits keep us polite. */
  http?: HttpLayer;
}

export interface ImageFailure {
  url: string;
  reason: string;
  /** Trying again cannot help (not a picture, too large): given up at once. */
  permanent?: boolean;
}

export interface ImageCacheResult {
  images: CachedImage[];
  failures: ImageFailure[];
}

const DEFAULT_MAX_IMAGE = 5 * 1024 * 1024;
const DEFAULT_MAX_TOTAL = 100 * 1024 * 1024;

/** The http(s) addresses of the email's pictures, normalized, deduplicated, in order. */
export function findImageUrls(html: string): string[] {
  const urls = findImgTags(html).map((tag) => imageUrlOf(attribute(tag, 'src')?.value));
  return [...new Set(urls.filter((url): url is string => url !== undefined))];
}

/** Content-addressed name without extension: "ab/ab12…" (sha256 of the address). */
export function assetBaseName(url: string): string {
  const hash = createHash('sha256').update(url).digest('hex');
  return `${hash.slice(0, 2)}/${hash}`;
}

/**
 * Downloads an email's pictures into assetsDir so it reads offline. A picture
 * that fails is reported in `failures` and never fails the email; only the
 * learner cancelling rejects.
 */
export async function cacheImages(
  html: string,
  options: ImageCacheOptions,
): Promise<ImageCacheResult> {
  const context: CacheContext = {
    options,
    maxImageBytes: options.maxImageBytes ?? DEFAULT_MAX_IMAGE,
    budget: createBudget(options.maxTotalBytes ?? DEFAULT_MAX_TOTAL),
  };
  // All at once: the HTTP layer decides how many go out together, per host and overall.
  const urls = options.onlyUrls ?? findImageUrls(html);
  const outcomes = await Promise.all(urls.map((url) => cacheOne(url, context)));
  const result: ImageCacheResult = { images: [], failures: [] };
  for (const outcome of outcomes) {
    if ('file' in outcome) result.images.push(outcome);
    else result.failures.push(outcome);
  }
  return result;
}

interface CacheContext {
  options: ImageCacheOptions;
  maxImageBytes: number;
  budget: Budget;
}

async function cacheOne(url: string, context: CacheContext): Promise<CachedImage | ImageFailure> {
  const base = assetBaseName(url);
  const existing = await findCached(context.options.assetsDir, base);
  if (existing) return { url, file: existing };
  const { budget } = context;
  const allowance = Math.min(context.maxImageBytes, budget.remaining());
  if (allowance === 0) return { url, reason: totalReason(url, budget), permanent: true };
  try {
    const download = await fetchResource(
      url,
      fetchOptionsFor(context, allowance),
      context.options.http,
    );
    if (download.status !== 'ok') return { url, reason: `${url} did not send the picture.` };
    const check = checkPicture(url, download.contentType, download.body);
    if (!check.ok) return { url, reason: check.reason, permanent: true };
    if (!budget.take(download.body.length))
      return { url, reason: totalReason(url, budget), permanent: true };
    const file = `${base}.${check.extension}`;
    await writeAtomically(join(context.options.assetsDir, file), download.body);
    return { url, file };
  } catch (error) {
    if (isStudylineError(error) && error.code === 'cancelled') throw error;
    if (
      isStudylineError(error) &&
      error.code === 'too-large' &&
      allowance < context.maxImageBytes
    ) {
      return { url, reason: totalReason(url, budget), permanent: true };
    }
    if (
      isStudylineError(error) &&
      (error.code === 'too-large' || error.code === 'private-address')
    ) {
      return { url, reason: error.message, permanent: true };
    }
    // The message alone: fetch hints speak of feeds, not pictures.
    return { url, reason: isStudylineError(error) ? error.message : describeError(error) };
  }
}

function fetchOptionsFor(context: CacheContext, maxBytes: number): FetchOptions {
  const { options } = context;
  // Conditional headers belong to the feed, never to its pictures.
  const { etag: _etag, lastModified: _lastModified, ...shared } = options.fetchOptions ?? {};
  return {
    ...shared,
    accept: IMAGE_ACCEPT,
    maxBytes,
    timeoutMs: options.timeoutMs ?? shared.timeoutMs,
    signal: options.signal ?? shared.signal,
  };
}

/** The cached file for this base name, whatever picture type it turned out to be. */
async function findCached(assetsDir: string, base: string): Promise<string | undefined> {
  const [folder = '', name = ''] = base.split('/');
  let entries: string[];
  try {
    entries = await readdir(join(assetsDir, folder));
  } catch {
    return undefined;
  }
  const found = IMAGE_EXTENSIONS.map((ext) => `${name}.${ext}`).find((file) =>
    entries.includes(file),
  );
  return found && `${folder}/${found}`;
}

/** Temp file + rename: a killed sync never leaves half a picture under its final name. */
async function writeAtomically(path: string, body: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, body);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw diskError(error, 'a picture of this email');
  }
}

interface Budget {
  max: number;
  remaining(): number;
  /** Counts `bytes` against the total, or refuses when they would not fit. */
  take(bytes: number): boolean;
}

/**
 * Bytes written by one call. Taken just before writing, so concurrent
 * downloads together never store more than the total.
 */
function createBudget(max: number): Budget {
  let used = 0;
  return {
    max,
    remaining: () => Math.max(0, max - used),
    take(bytes) {
      if (used + bytes > max) return false;
      used += bytes;
      return true;
    },
  };
}

function totalReason(url: string, budget: Budget): string {
  return `${url} was skipped: this email's pictures are over ${formatBytes(budget.max)} in total.`;
}
