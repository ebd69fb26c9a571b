import type { EmailSummary } from '../../electron/shared/types';
import { filterCounts, visibleEmails } from '../lib/email-filters';
import type { DuePlan, EmailFilter } from '../lib/email-filters';
import { useEmails } from '../queries/emails';
import { memoLast } from '../lib/memo-last';
import { useMarkedList } from '../queries/marks';
import { useProgress } from '../queries/progress';
import { useCourseMatches } from '../queries/search';
import type { CourseMatches } from '../queries/search';
import { useCourseFilter } from '../stores/useFilterStore';
import { useSearchStore } from '../stores/useSearchStore';

/** The course's emails with the learner's marks as they are now (changes in flight included). */
export function useMarkedEmails(courseId: string | undefined) {
  const emails = useEmails(courseId);
  return { ...emails, marked: useMarkedList(courseId) };
}

export interface ShownEmails {
  /** Every email of the course, marked; undefined until the list is read. */
  all?: EmailSummary[];
  /** What the list shows: the search's matches (if any) that pass the filter. */
  shown: EmailSummary[];
  /** Emails matching the search, or all of them: what the chips count within. */
  searched: EmailSummary[];
  counts: Record<EmailFilter, number>;
  filter: EmailFilter;
  matching?: CourseMatches;
  plan: DuePlan;
}

const NONE: EmailSummary[] = [];

/**
 * What the email list shows, derived from the cache alone (emails, marks,
 * plan and the search's matches) and the chosen filter: the list, its chips
 * and the keyboard all read this, so j/k stay inside what is on screen.
 */
export function useShownEmails(courseId: string | undefined): ShownEmails {
  const all = useMarkedList(courseId);
  const progress = useProgress(courseId).data;
  const filter = useCourseFilter(courseId ?? '');
  const query = useSearchStore((s) => s.query);
  const matching = useCourseMatches(courseId ?? '', courseId ? query : '');
  return shownEmails(all, matching, filter, progress?.dueOn, progress?.status.today);
}

/** What the list shows: computed once per change for the list, its chips and the keys. */
const shownEmails = memoLast(
  (
    all: EmailSummary[] | undefined,
    matching: CourseMatches | undefined,
    filter: EmailFilter,
    dueOn: DuePlan['dueOn'],
    today: DuePlan['today'],
  ): ShownEmails => {
    const plan = { dueOn, today };
    const list = all ?? NONE;
    const searched = matching ? list.filter((e) => matching.ids.has(e.id)) : list;
    return {
      all,
      shown: visibleEmails(searched, filter, plan),
      searched,
      counts: filterCounts(searched, plan),
      filter,
      matching,
      plan,
    };
  },
);
