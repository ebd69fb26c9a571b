import type {
  Catalog,
  Course,
  GroupActivity,
  GroupDef,
  GroupPost,
  GroupView,
} from '../../shared/types';
import { newestFirst } from '../library/item-order';
import type { LibraryStore } from '../library/library-store';
import type { SourceFile } from '../library/model';
import { isLivelier, recommendedGroupId } from './group-ranking';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A group with no post for this long is "quiet": time to suggest a bigger one. */
const QUIET_AFTER_DAYS = 7;
const LATEST_POSTS = 5;

type BaseView = Omit<GroupView, 'fallback' | 'suggestFallback' | 'recommended'>;

/**
 * The course's study groups with their latest posts and how alive they are:
 * one recommended group to ask first, and for a quiet or closed group the
 * open group to ask instead (its fallback, else the recommended one).
 * `catalog` is today's catalog: a group it marks closed is closed for courses
 * followed before it closed, too.
 */
export async function groupViews(
  library: LibraryStore,
  course: Course,
  now: Date,
  catalog?: Catalog,
): Promise<GroupView[]> {
  const defs = course.groups.map((group) => withCatalogState(group, course, catalog));
  const base = new Map<string, BaseView>();
  for (const group of defs) {
    const file = group.sourceId ? await library.get(group.sourceId) : undefined;
    base.set(group.id, describeGroup(group, file, now));
  }
  const recommendedId = recommendedGroupId([...base.values()]);
  const byId = new Map(defs.map((group) => [group.id, group]));
  return defs.map((group) => {
    const view = base.get(group.id)!;
    const closed = view.activity === 'closed';
    // A closed group always points somewhere open: its own fallback, else the recommended group.
    const fallback =
      fallbackOf(group, byId, base) ??
      (closed ? otherThan(view, recommendedId ? base.get(recommendedId) : undefined) : undefined);
    const stuck = view.activity === 'quiet' || closed;
    return {
      ...view,
      fallback: fallback && { id: fallback.id, name: fallback.name, liveUrl: fallback.liveUrl },
      suggestFallback: Boolean(fallback && stuck && isLivelier(fallback, view)),
      recommended: group.id === recommendedId,
    };
  });
}

/** A catalog group takes its closed state (and fallback) from the catalog as it is now. */
function withCatalogState(group: GroupDef, course: Course, catalog?: Catalog): GroupDef {
  if (group.custom || !catalog || !course.catalogCourseId) return group;
  const entry = catalog.courses
    .find((c) => c.id === course.catalogCourseId)
    ?.groups.find((g) => g.id === group.id);
  if (!entry) return group;
  return {
    ...group,
    closed: entry.closed,
    closedNote: entry.closedNote,
    fallbackGroupId: entry.fallbackGroupId ?? group.fallbackGroupId,
  };
}

/** The first open group along the fallback chain ("if 6.189 is gone, 6.00; if that is too…"). */
function fallbackOf(
  group: GroupDef,
  defs: ReadonlyMap<string, GroupDef>,
  views: ReadonlyMap<string, BaseView>,
): BaseView | undefined {
  const seen = new Set([group.id]);
  let id = group.fallbackGroupId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const view = views.get(id);
    if (view && view.activity !== 'closed') return view;
    id = defs.get(id)?.fallbackGroupId;
  }
  return undefined;
}

function otherThan(view: BaseView, candidate: BaseView | undefined): BaseView | undefined {
  return candidate && candidate.id !== view.id ? candidate : undefined;
}

function describeGroup(group: GroupDef, file: SourceFile | undefined, now: Date): BaseView {
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
  const view: BaseView = {
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
  if (group.closed) view.closedNote = group.closedNote ?? 'This group has closed.';
  return view;
}

function activityOf(
  group: GroupDef,
  file: SourceFile | undefined,
  lastPostAt: string | undefined,
  now: Date,
): GroupActivity {
  if (group.closed) return 'closed';
  if (!group.feedUrl) return 'no-feed';
  if (!file) return 'not-synced';
  if (file.source.lastError && file.items.length === 0) return 'error';
  if (!lastPostAt) return 'quiet';
  return now.getTime() - Date.parse(lastPostAt) <= QUIET_AFTER_DAYS * DAY_MS ? 'active' : 'quiet';
}
