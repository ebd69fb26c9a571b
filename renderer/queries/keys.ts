import type { PlanInput } from '../../electron/shared/types';

/**
 * Every query key of the window, in one place. The window keeps what the core
 * knows (server state) in TanStack Query's cache under these keys; zustand
 * holds UI state only (renderer/stores).
 *
 * How to add a query:
 *   1. Add its key here, under the course, email or plan it depends on
 *      (`keys.groups(courseId)`), so one event can reach it.
 *   2. Write the hook in a module of renderer/queries (only stores and query
 *      modules call window.studyline):
 *        useQuery({ queryKey: keys.groups(courseId), queryFn: () => studyline()['groups:list'](courseId) })
 *      Keys are never stale on their own (staleTime: Infinity, client.ts):
 *      the core tells us when they change.
 *   3. Make an event invalidate it in renderer/queries/events.ts, exactly for
 *      what the event names: `library:changed { courseIds }` invalidates
 *      `keys.groups(id)` for each id, nothing else. Only queries on screen are
 *      read again; the others are read when they next appear. A key that
 *      depends on free input (a search's text) is invalidated by its prefix:
 *      `['search']`, or `['course', id, 'search']` for one course.
 *
 * How to change something: a useMutation in the query module. It does not
 * invalidate on success (the core's event does, once); marks and settings
 * show the pending change at once (useMutationState) and drop it if the core
 * refuses, with the error visible.
 */
export const keys = {
  catalog: () => ['catalog'] as const,
  /** Courses, sources, notices and the last sync (status:get). */
  library: () => ['library'] as const,
  sync: () => ['sync'] as const,
  course: (courseId: string) => ['course', courseId] as const,
  emails: (courseId: string) => ['course', courseId, 'emails'] as const,
  /** Plan, standing, due dates and the learner's marks (progress:get). */
  progress: (courseId: string) => ['course', courseId, 'progress'] as const,
  groups: (courseId: string) => ['course', courseId, 'groups'] as const,
  /** What the plan form's choices would give, for the course's emails as saved now. */
  previews: (
    courseId: string,
    asked: readonly { choice: string; input: PlanInput }[],
    libraryVersion: string,
  ) => ['course', courseId, 'previews', libraryVersion, asked] as const,
  /** The course's emails (and notes) matching a search, to narrow its list. */
  courseSearch: (courseId: string, text: string) => ['course', courseId, 'search', text] as const,
  /** The header's results for a search over every course. */
  search: (text: string) => ['search', text] as const,
  email: (emailId: string) => ['email', emailId] as const,
  /** What is due in the next 14 days, across every course (changes with marks, plans, courses). */
  agenda: () => ['agenda'] as const,
  settings: () => ['settings'] as const,
  reminders: () => ['reminders'] as const,
  /** Progress shared across computers (share:status); `share:changed` replaces it in place. */
  share: () => ['share'] as const,
};

/** Mutation keys: how a screen finds a change in flight (or its error) made elsewhere. */
export const mutationKeys = {
  marks: () => ['marks'] as const,
  plan: (courseId: string) => ['plan', courseId] as const,
  settings: () => ['settings'] as const,
  syncStart: () => ['sync', 'start'] as const,
  link: () => ['link'] as const,
  share: () => ['share'] as const,
};
