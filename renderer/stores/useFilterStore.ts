import { create } from 'zustand';
import { loadFilters, saveFilters, type EmailFilter } from '../lib/email-filters';

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

interface FilterState {
  /** The chosen filter per course id; a course not in here shows all. */
  byCourse: Record<string, EmailFilter>;
  actions: { setFilter: (courseId: string, filter: EmailFilter) => void };
}

/** The email list's filter chips, remembered per course across restarts. */
export const useFilterStore = create<FilterState>()((set, get) => ({
  byCourse: loadFilters(storage()),
  actions: {
    setFilter(courseId, filter) {
      const byCourse = { ...get().byCourse, [courseId]: filter };
      set({ byCourse });
      saveFilters(storage(), byCourse);
    },
  },
}));

export const useCourseFilter = (courseId: string): EmailFilter =>
  useFilterStore((state) => state.byCourse[courseId] ?? 'all');
export const useFilterActions = () => useFilterStore((state) => state.actions);
