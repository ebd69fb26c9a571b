import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isStudylineError } from '../../../electron/core/errors';
import { decodeText } from '../../../electron/core/sync/decode-body';
import { parseFeed, type ParsedFeed } from '../../../electron/core/sync/parse-feed';
import { sanitizeFeedHtml } from '../../../electron/core/sync/sanitize-email';

/** What one corpus file gave: a feed, a clear StudylineError, or anything else (a bug). */
export interface CorpusOutcome {
  index: number;
  kind: 'parsed' | 'clear-error' | 'unexpected';
  detail?: string;
}

/**
 * Runs in a worker thread so the test can kill it if a file makes the parser
 * loop: rss-parser parses synchronously, so an in-thread timer never fires.
 */
async function run(files: string[], start: number): Promise<void> {
  for (let index = start; index < files.length; index++) {
    parentPort?.postMessage({ index, kind: 'started' });
    parentPort?.postMessage(await outcome(files[index] ?? '', index));
  }
}

async function outcome(file: string, index: number): Promise<CorpusOutcome> {
  try {
    const feed = await parseFeed(decodeText(readFileSync(file)), 'https://corpus.example.org/feed');
    const problem = shapeProblem(feed) ?? unsafeHtml(feed);
    return problem ? { index, kind: 'unexpected', detail: problem } : { index, kind: 'parsed' };
  } catch (error) {
    if (isStudylineError(error)) return { index, kind: 'clear-error', detail: error.code };
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { index, kind: 'unexpected', detail };
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The promises ParsedFeed makes to the sync: checked on every real-world feed. */
function shapeProblem(feed: ParsedFeed): string | undefined {
  if (!Array.isArray(feed.items)) return 'no item list';
  for (const item of feed.items) {
    if (typeof item.title !== 'string' || item.title === '')
      return 'an item without a title string';
    if (typeof item.html !== 'string') return 'an item without an html string';
    if (item.publishedAt !== undefined && !ISO.test(item.publishedAt))
      return `bad date ${item.publishedAt}`;
    if (!item.categories.every((name) => typeof name === 'string' && name !== ''))
      return 'a non-string category';
    if (item.link !== undefined && !/^https?:\/\//.test(item.link))
      return `unsafe link ${item.link}`;
  }
  return undefined;
}

/** Real-world HTML through the sanitizer the library stores with: nothing that could run may remain. */
function unsafeHtml(feed: ParsedFeed): string | undefined {
  for (const item of feed.items) {
    const safe = sanitizeFeedHtml(item.html, item.link ?? 'https://corpus.example.org/feed');
    const found =
      /<(?:script|style|iframe|object|embed|svg|form)\b|<[^>]*\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.exec(
        safe,
      );
    if (found) return `sanitized HTML still holds ${found[0]}`;
  }
  return undefined;
}

const data = workerData as { files: string[]; start: number } | undefined;
if (data) await run(data.files, data.start);
