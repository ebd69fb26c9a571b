import { create } from 'zustand';
import type { FollowTarget } from '../../electron/shared/contract';
import type { Catalog, CourseView, Notice, SourceView } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';

export type LoadState = 'loading' | 'ready' | 'error';

interface LibraryState {
  loadState: LoadState;
  loadError?: string;
  /** The library on screen could not be re-read; it stays as it was. */
  refreshError?: string;
  catalog?: Catalog;
  courses: CourseView[];
  sources: SourceView[];
  notices: Notice[];
  lastSyncAt?: string;
  activeCourseId?: string;
  actions: {
    /** First load: catalog and library status. */
    load: () => Promise<void>;
    /** Re-reads courses, sources and notices after a sync or a change. */
    refresh: () => Promise<void>;
    /** Follows a catalog sequence or a pasted feed URL and makes it the active course. */
    follow: (target: FollowTarget) => Promise<CourseView>;
    setActiveCourse: (courseId: string) => void;
    dismissNotice: (noticeId: string) => Promise<void>;
  };
}

function pickActive(courses: CourseView[], current: string | undefined): string | undefined {
  if (current && courses.some((course) => course.id === current)) return current;
  return courses[0]?.id;
}

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  loadState: 'loading',
  courses: [],
  sources: [],
  notices: [],
  actions: {
    async load() {
      set({ loadState: 'loading', loadError: undefined });
      try {
        const api = studyline();
        const [catalog, status] = await Promise.all([api['catalog:get'](), api['status:get']()]);
        set({
          loadState: 'ready',
          catalog,
          courses: status.courses,
          sources: status.sources,
          notices: status.notices,
          lastSyncAt: status.lastSyncAt,
          activeCourseId: pickActive(status.courses, get().activeCourseId),
        });
      } catch (error) {
        set({ loadState: 'error', loadError: errorText(error) });
      }
    },
    async refresh() {
      try {
        const status = await studyline()['status:get']();
        set({
          courses: status.courses,
          sources: status.sources,
          notices: status.notices,
          lastSyncAt: status.lastSyncAt,
          activeCourseId: pickActive(status.courses, get().activeCourseId),
          refreshError: undefined,
        });
      } catch (error) {
        set({ refreshError: errorText(error) });
      }
    },
    async follow(target) {
      const course = await studyline()['course:follow'](target);
      set((state) => ({
        courses: [...state.courses.filter((c) => c.id !== course.id), course],
        activeCourseId: course.id,
      }));
      await get().actions.refresh();
      return course;
    },
    setActiveCourse(courseId) {
      set({ activeCourseId: courseId });
    },
    async dismissNotice(noticeId) {
      set((state) => ({ notices: state.notices.filter((n) => n.id !== noticeId) }));
      try {
        await studyline()['notice:dismiss'](noticeId);
      } finally {
        await get().actions.refresh();
      }
    },
  },
}));

export const useLibraryActions = () => useLibraryStore((state) => state.actions);

export const useActiveCourse = () =>
  useLibraryStore((state) => state.courses.find((c) => c.id === state.activeCourseId));
