import type { FollowTarget, NewGroup } from '../../shared/contract';
import type { Catalog, Course, GroupDef } from '../../shared/types';
import {
  catalogGroups,
  findSequence,
  findSequenceByUrl,
  type SequenceMatch,
} from '../catalog/catalog';
import { StudylineError } from '../errors';
import type { ProgressStore } from '../library/progress-store';
import type { HttpLayer } from '../sync/http-layer';
import { slugify, sourceIdFor } from '../sync/source-id';
import { parseLearnerUrl } from './learner-url';

export interface CourseDeps {
  catalog: Catalog;
  progress: ProgressStore;
  timeoutMs?: number;
  http?: HttpLayer;
  now: () => Date;
}

/** Follows a catalog sequence or any blog/category/feed URL; following twice returns the same course. */
export async function followCourse(deps: CourseDeps, target: FollowTarget): Promise<Course> {
  if ('sequenceId' in target) {
    const match = findSequence(deps.catalog, target.sequenceId);
    if (!match) {
      const known = deps.catalog.courses.flatMap((c) => c.sequences.map((s) => s.id)).join(', ');
      throw new StudylineError(
        'not-found',
        `There is no sequence "${target.sequenceId}" in the catalog.`,
        {
          hint: `Known sequences: ${known}.`,
        },
      );
    }
    return addCourse(deps, courseFromCatalog(match, deps.now()));
  }
  const match = findSequenceByUrl(deps.catalog, parseLearnerUrl(target.url).toString());
  if (match) return addCourse(deps, courseFromCatalog(match, deps.now()));
  const wanted = target.url.trim();
  const existing = deps.progress.data.courses.find((c) => c.archiveUrl === wanted);
  if (existing) return existing;
  // Followed before: no need to ask the network what the address is.
  const earlier = deps.progress.data.unfollowed?.find((c) => c.archiveUrl === wanted);
  if (earlier) return addCourse(deps, earlier);
  // Loaded when needed: feed parsing is not part of starting a command.
  const { resolveFeed } = await import('./follow-url');
  const feed = await resolveFeed(target.url, { timeoutMs: deps.timeoutMs, http: deps.http });
  const title = feed.title?.trim() || new URL(feed.feedUrl).hostname;
  return addCourse(deps, {
    id: slugify(lastMeaningfulSegment(feed.feedUrl) ?? title, 'course'),
    title,
    archiveUrl: feed.feedUrl,
    archiveSourceId: sourceIdFor(feed.feedUrl),
    followedAt: deps.now().toISOString(),
    groups: [],
  });
}

function courseFromCatalog(match: SequenceMatch, now: Date): Course {
  const groups: GroupDef[] = catalogGroups(match).map((group) => ({
    ...group,
    sourceId: group.feedUrl ? sourceIdFor(group.feedUrl) : undefined,
  }));
  return {
    id: match.sequence.id,
    title: `${match.course.title} (${match.sequence.title})`,
    catalogCourseId: match.course.id,
    sequenceId: match.sequence.id,
    archiveUrl: match.sequence.feedUrl,
    archiveSourceId: sourceIdFor(match.sequence.feedUrl),
    followedAt: now.toISOString(),
    groups,
  };
}

/** How many unfollowed courses are remembered (their progress is kept regardless). */
const UNFOLLOWED_KEPT = 20;

async function addCourse(deps: CourseDeps, course: Course): Promise<Course> {
  return deps.progress.update((draft) => {
    const same = draft.courses.find((c) => c.archiveUrl === course.archiveUrl);
    if (same) return same;
    // Following again: the same id (so its plan and progress are there) and the learner's own groups.
    const earlier = draft.unfollowed?.find((c) => c.archiveUrl === course.archiveUrl);
    const base = earlier
      ? { ...course, id: earlier.id, groups: mergeGroups(course, earlier) }
      : course;
    const ids = new Set(draft.courses.map((c) => c.id));
    let id = base.id;
    for (let n = 2; ids.has(id); n++) id = `${base.id}-${n}`;
    const added = { ...base, id };
    draft.courses.push(added);
    if (earlier) draft.unfollowed = draft.unfollowed?.filter((c) => c !== earlier);
    return added;
  });
}

/** The groups as followed now, plus the ones the learner had added themselves. */
function mergeGroups(course: Course, earlier: Course): GroupDef[] {
  if (course === earlier) return earlier.groups;
  const ids = new Set(course.groups.map((g) => g.id));
  return [...course.groups, ...earlier.groups.filter((g) => g.custom && !ids.has(g.id))];
}

/**
 * Stops following a course. Nothing the learner did is lost: its plan, done
 * marks and notes stay in progress.json (and in every backup), the emails stay
 * in the library, and following it again brings it all back.
 */
export async function unfollowCourse(deps: CourseDeps, courseId: string): Promise<Course> {
  requireCourse(deps, courseId);
  return deps.progress.update((draft) => {
    const course = draft.courses.find((c) => c.id === courseId)!;
    draft.courses = draft.courses.filter((c) => c.id !== courseId);
    const others = (draft.unfollowed ?? []).filter((c) => c.archiveUrl !== course.archiveUrl);
    draft.unfollowed = [course, ...others].slice(0, UNFOLLOWED_KEPT);
    return course;
  });
}

export async function addGroup(
  deps: CourseDeps,
  courseId: string,
  group: NewGroup,
): Promise<GroupDef> {
  const course = requireCourse(deps, courseId);
  if (group.fallbackGroupId && !course.groups.some((g) => g.id === group.fallbackGroupId)) {
    throw new StudylineError(
      'not-found',
      `The course has no group "${group.fallbackGroupId}" to fall back to.`,
      {
        hint: `Its groups are: ${course.groups.map((g) => g.id).join(', ') || 'none yet'}.`,
      },
    );
  }
  for (const url of [group.liveUrl, group.feedUrl]) if (url) parseLearnerUrl(url);
  // Checked like `follow`: a feed that cannot be read is refused now, not at the next sync;
  // a page that links its feed is taken for that feed.
  const feedUrl = group.feedUrl ? await checkedFeedUrl(deps, group.feedUrl) : undefined;
  return deps.progress.update((draft) => {
    const target = draft.courses.find((c) => c.id === courseId);
    if (!target)
      throw new StudylineError('not-found', `You are not following a course "${courseId}".`);
    const ids = new Set(target.groups.map((g) => g.id));
    const base = slugify(group.name, 'group');
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const added: GroupDef = {
      id,
      name: group.name.trim(),
      liveUrl: group.liveUrl,
      feedUrl,
      fallbackGroupId: group.fallbackGroupId,
      sourceId: feedUrl ? sourceIdFor(feedUrl) : undefined,
      custom: true,
    };
    target.groups.push(added);
    return added;
  });
}

async function checkedFeedUrl(deps: CourseDeps, url: string): Promise<string> {
  const { resolveFeed } = await import('./follow-url');
  return (await resolveFeed(url, { timeoutMs: deps.timeoutMs, http: deps.http })).feedUrl;
}

export function requireCourse(
  deps: { progress: { readonly data: { readonly courses: readonly Course[] } } },
  courseId: string,
): Course {
  const course = deps.progress.data.courses.find((c) => c.id === courseId);
  if (!course) {
    const known = deps.progress.data.courses.map((c) => c.id).join(', ');
    throw new StudylineError('not-found', `You are not following a course "${courseId}".`, {
      hint: known ? `Your courses: ${known}.` : 'Follow one first (see the catalog).',
    });
  }
  return course;
}

function lastMeaningfulSegment(url: string): string | undefined {
  const parts = new URL(url).pathname
    .split('/')
    .filter((p) => p && !['feed', 'rss', 'atom', 'category'].includes(p));
  return parts[parts.length - 1];
}
