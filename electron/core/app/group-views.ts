import type { Course, GroupActivity, GroupDef, GroupPost, GroupView } from '../../shared/types';
import { newestFirst } from '../library/item-order';
import type { LibraryStore } from '../library/library-store';
import type { SourceFile } from '../library/model';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A group with no post for this long is "quiet": time to suggest a bigger one. */
const QUIET_AFTER_DAYS = 7;
const LATEST_POSTS = 5;

/**
 * The course's study groups with their latest posts and how alive they are,
 * suggesting the larger fallback group when the learner's own one is quiet.
 */
export async function groupViews(
  library: LibraryStore,
  course: Course,
  now: Date,
): Promise<GroupView[]> {
  const base = new Map<string, Omit<GroupView, 'fallback' | 'suggestFallback'>>();
  for (const group of course.groups) {
    const file = group.sourceId ? await library.get(group.sourceId) : undefined;
    base.set(group.id, describeGroup(group, file, now));
  }
  return course.groups.map((group) => {
    const view = base.get(group.id)!;
    const fallback = group.fallbackGroupId ? base.get(group.fallbackGroupId) : undefined;
    return {
      ...view,
      fallback: fallback && { id: fallback.id, name: fallback.name, liveUrl: fallback.liveUrl },
      suggestFallback: Boolean(
        fallback && view.activity === 'quiet' && fallback.activity !== 'quiet',
      ),
    };
  });
}

function describeGroup(group: GroupDef, file: SourceFile | undefined, now: Date) {
  const posts = file ? newestFirst(file.items) : [];
  const latest: GroupPost[] = posts.slice(0, LATEST_POSTS).map((item) => ({
    id: item.id,
    title: item.title,
    link: item.link,
    author: item.author,
    publishedAt: item.sentAt,
  }));
  const lastPostAt = posts.find((p) => p.sentAt)?.sentAt;
  const weekAgo = now.getTime() - 7 * DAY_MS;
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    liveUrl: group.liveUrl,
    hasFeed: Boolean(group.feedUrl),
    activity: activityOf(group, file, lastPostAt, now),
    lastPostAt,
    postsLast7Days: posts.filter((p) => p.sentAt && Date.parse(p.sentAt) >= weekAgo).length,
    latestPosts: latest,
    error: file?.source.lastError,
    custom: Boolean(group.custom),
  };
}

function activityOf(
  group: GroupDef,
  file: SourceFile | undefined,
  lastPostAt: string | undefined,
  now: Date,
): GroupActivity {
  if (!group.feedUrl) return 'no-feed';
  if (!file) return 'not-synced';
  if (file.source.lastError && file.items.length === 0) return 'error';
  if (!lastPostAt) return 'quiet';
  return now.getTime() - Date.parse(lastPostAt) <= QUIET_AFTER_DAYS * DAY_MS ? 'active' : 'quiet';
}
