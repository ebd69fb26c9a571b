import type { ArchiveGap, Course, Email, EmailSummary, SourceView } from '../../shared/types';
import { rewriteImageSources } from '../assets/rewrite-images';
import { StudylineError } from '../errors';
import { inSequenceOrder } from '../library/item-order';
import { withoutSendLine } from './email-display';
import type { LibraryStore } from '../library/library-store';
import type { EmailState, SourceFile, SourceMeta, StoredItem } from '../library/model';

export { inSequenceOrder };

/**
 * An archive whose last finished sync did not reach its first email. A
 * first sync still under way (no lastSyncAt yet) is not a gap.
 */
export function archiveGapOf(file: SourceFile | undefined): ArchiveGap | undefined {
  const source = file?.source;
  if (!source || source.kind !== 'archive' || source.fullHistory) return undefined;
  if (!source.lastSyncAt || file.items.length === 0) return undefined;
  // One WordPress page (10 emails) when an older version of Studyline left no estimate.
  return { missingEstimate: source.missingEstimate ?? 10, error: source.lastError };
}

export function toSummary(
  item: StoredItem,
  courseId: string,
  order: number,
  state: EmailState | undefined,
  provisional = false,
): EmailSummary {
  return {
    id: item.id,
    courseId,
    order,
    ...(provisional ? { provisional } : {}),
    title: item.title,
    sentAt: item.sentAt,
    link: item.link,
    author: item.author,
    opened: Boolean(state?.openedAt),
    done: Boolean(state?.doneAt),
    starred: Boolean(state?.starred),
    hasNote: Boolean(state?.note),
  };
}

export async function listEmails(
  library: LibraryStore,
  course: Course,
  states: Record<string, EmailState>,
): Promise<EmailSummary[]> {
  const file = await library.get(course.archiveSourceId);
  if (!file) return [];
  const provisional = archiveGapOf(file) !== undefined;
  return inSequenceOrder(file.items).map((item, index) =>
    toSummary(item, course.id, index + 1, states[item.id], provisional),
  );
}

/** The source an email id belongs to: ids are `<sourceId>.<hash>`. */
export function sourceIdOfEmail(emailId: string): string {
  const dot = emailId.lastIndexOf('.');
  return dot > 0 ? emailId.slice(0, dot) : '';
}

export async function findEmail(
  library: LibraryStore,
  courses: readonly Course[],
  emailId: string,
  states: Record<string, EmailState>,
  assetUrl?: (file: string) => string,
): Promise<Email> {
  const sourceId = sourceIdOfEmail(emailId);
  const course = courses.find((c) => c.archiveSourceId === sourceId);
  const file = course && /^[a-z0-9._-]+$/.test(sourceId) ? await library.get(sourceId) : undefined;
  const ordered = file ? inSequenceOrder(file.items) : [];
  const index = ordered.findIndex((item) => item.id === emailId);
  const item = ordered[index];
  if (!course || !item) {
    throw new StudylineError('not-found', `There is no email "${emailId}" in your library.`, {
      hint: "List a course's emails to see their ids.",
    });
  }
  const state = states[emailId];
  const givenUp = (item.pictureFailures ?? []).filter((failure) => !failure.retryAt);
  return {
    ...toSummary(item, course.id, index + 1, state, archiveGapOf(file) !== undefined),
    html: readable(item, assetUrl),
    categories: item.categories,
    note: state?.note,
    ...(givenUp.length > 0
      ? { missingPictures: givenUp.map(({ url, reason }) => ({ url, reason })) }
      : {}),
    ...(item.responses?.items.length ? { responses: item.responses.items } : {}),
  };
}

/** The body as the learner reads it: cached pictures, no repeated send line. */
function readable(item: StoredItem, assetUrl?: (file: string) => string): string {
  const html = withoutSendLine(item.html);
  return assetUrl ? rewriteImageSources(html, item.images, assetUrl) : html;
}

/** Every feed the followed courses use, archive first, each once. */
export function sourcesOfCourses(courses: readonly Course[]): SourceMeta[] {
  const byId = new Map<string, SourceMeta>();
  for (const course of courses) {
    if (!byId.has(course.archiveSourceId)) {
      byId.set(course.archiveSourceId, {
        id: course.archiveSourceId,
        url: course.archiveUrl,
        kind: 'archive',
        title: course.title,
      });
    }
  }
  for (const course of courses) {
    for (const group of course.groups) {
      if (group.feedUrl && group.sourceId && !byId.has(group.sourceId)) {
        byId.set(group.sourceId, {
          id: group.sourceId,
          url: group.feedUrl,
          kind: 'group',
          title: group.name,
        });
      }
    }
  }
  return [...byId.values()];
}

export async function sourceViews(
  library: LibraryStore,
  courses: readonly Course[],
): Promise<SourceView[]> {
  const views: SourceView[] = [];
  for (const meta of sourcesOfCourses(courses)) {
    const file = await library.get(meta.id);
    const source = file?.source ?? meta;
    views.push({
      id: meta.id,
      url: meta.url,
      kind: meta.kind,
      title: source.title ?? meta.title,
      status: source.lastError ? 'error' : source.lastSyncAt ? 'ok' : 'never',
      error: source.lastError,
      ...(source.limitWarning ? { warning: source.limitWarning } : {}),
      itemCount: file?.items.length ?? 0,
      lastSyncAt: source.lastSyncAt,
      lastSuccessAt: source.lastSuccessAt,
      courseIds: courses
        .filter(
          (c) => c.archiveSourceId === meta.id || c.groups.some((g) => g.sourceId === meta.id),
        )
        .map((c) => c.id),
    });
  }
  return views;
}
