import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowTarget } from '../../electron/shared/contract';
import type { CourseView, LibraryStatus } from '../../electron/shared/types';
import { studyline } from '../lib/studyline-api';
import { useUiStore } from '../stores/useUiStore';
import { sentOr } from './first-requests';
import { keys } from './keys';

/** Courses, sources, notices: the library as the core has it (shared with first-reads.ts). */
export const libraryQuery = () =>
  queryOptions({
    queryKey: keys.library(),
    queryFn: ({ queryKey }) => sentOr(queryKey, () => studyline()['status:get']()),
  });

export function useLibrary() {
  return useQuery(libraryQuery());
}

/** The course catalog: the sequences and study groups the app knows (shared with first-reads.ts). */
export const catalogQuery = () =>
  queryOptions({
    queryKey: keys.catalog(),
    queryFn: ({ queryKey }) => sentOr(queryKey, () => studyline()['catalog:get']()),
  });

export function useCatalog() {
  return useQuery(catalogQuery());
}

const NO_COURSES: CourseView[] = [];

export function useCourses(): CourseView[] {
  return useLibrary().data?.courses ?? NO_COURSES;
}

/** The course on screen: the one the learner picked, or the first one followed. */
export function useActiveCourse(): CourseView | undefined {
  const courses = useCourses();
  const activeCourseId = useUiStore((s) => s.activeCourseId);
  return courses.find((c) => c.id === activeCourseId) ?? courses[0];
}

/** Changes when the course's saved emails change (a sync saved some): previews depend on it. */
export function libraryVersionOf(course: CourseView | undefined): string {
  return course ? `${course.emailCount}@${course.lastSyncAt ?? 'never'}` : 'none';
}

/** Follows a catalog sequence or a pasted address; the new course is on screen at once. */
export function useFollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: FollowTarget) => studyline()['course:follow'](target),
    onSuccess: (course) => {
      // The `library:changed` event re-reads the library; until then the course is already there.
      queryClient.setQueryData<LibraryStatus>(keys.library(), (status) =>
        status
          ? { ...status, courses: [...status.courses.filter((c) => c.id !== course.id), course] }
          : status,
      );
    },
  });
}

export function useDismissNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noticeId: string) => studyline()['notice:dismiss'](noticeId),
    onMutate: (noticeId) => {
      queryClient.setQueryData<LibraryStatus>(keys.library(), (status) =>
        status ? { ...status, notices: status.notices.filter((n) => n.id !== noticeId) } : status,
      );
    },
    // Not dismissed after all: the notice comes back with the library as the core has it.
    onError: () => queryClient.invalidateQueries({ queryKey: keys.library() }),
  });
}
