import { isStudylineError } from '../errors';
import type { StoredItem, StoredResponse, StoredResponses } from '../library/model';
import { fetchResource } from './http-layer';
import type { ItemMerger } from './item-merge';
import { createPageProcessor } from './page-processor';
import type { ProcessedItem } from './process-page';
import { pagedUrl } from './source-id';
import type { SourceSyncContext } from './sync-source';

/** A post this young may still be gathering responses: looked at on every sync. */
const RECENT_MS = 14 * 24 * 60 * 60 * 1000;
/** Comment feeds page like archives; a discussion longer than this keeps its newest part. */
const MAX_PAGES = 10;
const MAX_RESPONSES = 300;

const inThread = createPageProcessor();

/**
 * Each archive email's own discussion (its WordPress comment feed), so it
 * reads offline under the email. Fetched on the first sync, then only when
 * the post's response count moved or the post is recent, with a conditional
 * GET. A comment feed that fails never fails the sync: what was saved stays,
 * and the next sync tries again. Rejects only when the learner cancelled.
 */
export async function syncResponses(merger: ItemMerger, ctx: SourceSyncContext): Promise<void> {
  const now = ctx.now().getTime();
  const due = merger.items().filter((item) => responsesDue(item, now));
  await Promise.all(
    due.map(async (item) => {
      const responses = await fetchResponses(item.responses!, ctx);
      if (responses) merger.replace({ ...merger.get(item.key)!, responses });
    }),
  );
}

export function responsesDue(item: StoredItem, now: number): boolean {
  const stored = item.responses;
  if (!stored) return false;
  if (stored.checkedAt === undefined) return true;
  if (stored.count !== stored.fetchedCount) return true;
  const dated = Math.max(Date.parse(item.publishedAt ?? ''), Date.parse(item.sentAt ?? ''));
  return now - dated < RECENT_MS;
}

/** The responses as they stand now; undefined when they could not be read (kept as they were). */
async function fetchResponses(
  stored: StoredResponses,
  ctx: SourceSyncContext,
): Promise<StoredResponses | undefined> {
  const checked = { checkedAt: ctx.now().toISOString(), fetchedCount: stored.count };
  // Known to have none: nothing to ask the server.
  if (stored.count === 0 && stored.items.length === 0) return { ...stored, ...checked };
  try {
    const first = await fetchResource(
      stored.feedUrl,
      { ...ctx.fetch, etag: stored.etag, lastModified: stored.lastModified },
      ctx.http,
    );
    if (first.status === 'not-modified') return { ...stored, ...checked };
    const items = await readPages(stored, first, ctx);
    const validators = { etag: first.etag, lastModified: first.lastModified };
    return { ...stored, ...checked, ...validators, items, gone: undefined };
  } catch (error) {
    if (isStudylineError(error) && error.code === 'cancelled') throw error;
    // Comments closed, or the post's feed removed: the post is fine, and so is what was saved.
    if (isStudylineError(error) && (error.httpStatus === 404 || error.httpStatus === 410))
      return { ...stored, ...checked, gone: true };
    return undefined;
  }
}

async function readPages(
  { feedUrl, count }: StoredResponses,
  first: { body: Buffer; contentType?: string; url: string },
  ctx: SourceSyncContext,
): Promise<StoredResponse[]> {
  const byKey = new Map<string, StoredResponse>();
  let response: typeof first | undefined = first;
  for (let page = 1; response && page <= MAX_PAGES; page++) {
    const processed = await (ctx.processor ?? inThread).run({
      body: response.body,
      contentType: response.contentType,
      url: response.url,
      kind: 'group',
    });
    const before = byKey.size;
    for (const item of processed.items)
      if (!byKey.has(item.key)) byKey.set(item.key, toStored(item));
    // All the post said it has, or a repeated page (some servers ignore ?paged): the end.
    const all = count !== undefined && byKey.size >= count;
    if (all || byKey.size === before || byKey.size >= MAX_RESPONSES) break;
    response = await nextPage(feedUrl, page + 1, ctx);
  }
  return oldestFirst([...byKey.values()]).slice(-MAX_RESPONSES);
}

async function nextPage(feedUrl: string, page: number, ctx: SourceSyncContext) {
  try {
    const next = await fetchResource(pagedUrl(feedUrl, page), ctx.fetch, ctx.http);
    return next.status === 'ok' ? next : undefined;
  } catch (error) {
    if (isStudylineError(error) && (error.httpStatus === 404 || error.httpStatus === 410))
      return undefined;
    throw error;
  }
}

function toStored(item: ProcessedItem): StoredResponse {
  return {
    ...(item.author ? { author: item.author } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    ...(item.link ? { link: item.link } : {}),
    html: item.safeHtml,
  };
}

/** A discussion reads from its first response down. */
function oldestFirst(responses: StoredResponse[]): StoredResponse[] {
  const time = (r: StoredResponse) => Date.parse(r.publishedAt ?? '') || 0;
  return responses.sort((a, b) => time(a) - time(b));
}
