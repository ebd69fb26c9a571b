import { useQuery } from '@tanstack/react-query';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';

const RESULTS_PER_KIND = 6;
/** Enough to narrow any course's list to what matches. */
const LIST_LIMIT = 500;

/**
 * The results under the header's field: emails, notes and group posts of
 * every course, a few of each kind. While the next text is searched, the
 * results of the last one stay (no flash of "Searching…" per keystroke).
 */
export function useSearchResults(text: string) {
  return useQuery({
    queryKey: keys.search(text),
    queryFn: () =>
      studyline()['search:query']({
        text,
        limitPerKind: RESULTS_PER_KIND,
        limit: RESULTS_PER_KIND * 3,
      }),
    enabled: text.length > 0,
    placeholderData: (previous) => (text.length > 0 ? previous : undefined),
  });
}

export interface CourseMatches {
  courseId: string;
  text: string;
  ids: ReadonlySet<string>;
}

/**
 * The course's emails whose text or note matches `text`, to narrow its list;
 * undefined without a search (or for only punctuation, which leaves nothing
 * to narrow by). Keeps the course's last answer while the next is on its way.
 */
export function useCourseMatches(courseId: string, text: string): CourseMatches | undefined {
  const { data } = useQuery({
    queryKey: keys.courseSearch(courseId, text),
    queryFn: async (): Promise<CourseMatches | null> => {
      const found = await studyline()['search:query']({
        text,
        courseId,
        kinds: ['email', 'note'],
        limit: LIST_LIMIT,
      });
      return found.message
        ? null
        : { courseId, text, ids: new Set(found.hits.map((hit) => hit.id)) };
    },
    enabled: text.length > 0,
    // Another course's matches would empty this course's list for a moment.
    placeholderData: (previous) =>
      text.length > 0 && previous?.courseId === courseId ? previous : undefined,
  });
  return text.length > 0 ? (data ?? undefined) : undefined;
}
