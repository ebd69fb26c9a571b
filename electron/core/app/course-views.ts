import type { Course, CourseView } from '../../shared/types';
import type { LibraryStore } from '../library/library-store';
import { archiveGapOf } from './library-views';

export async function courseViews(
  library: LibraryStore,
  courses: readonly Course[],
): Promise<CourseView[]> {
  const views: CourseView[] = [];
  for (const course of courses) {
    const file = await library.get(course.archiveSourceId);
    let first: string | undefined;
    let last: string | undefined;
    for (const item of file?.items ?? []) {
      if (!item.sentAt) continue;
      if (!first || item.sentAt < first) first = item.sentAt;
      if (!last || item.sentAt > last) last = item.sentAt;
    }
    const archiveGap = archiveGapOf(file);
    views.push({
      ...course,
      ...(archiveGap ? { archiveGap } : {}),
      emailCount: file?.items.length ?? 0,
      lastSyncAt: file?.source.lastSyncAt,
      firstSentAt: first,
      lastSentAt: last,
    });
  }
  return views;
}
