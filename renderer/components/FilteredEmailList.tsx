import { useCallback } from 'react';
import type { CourseView } from '../../electron/shared/types';
import { emptyFilterText } from '../lib/email-filters';
import { useSelection } from '../hooks/useSelection';
import { useShownEmails } from '../hooks/useShownEmails';
import { useSetMark } from '../queries/marks';
import { useProgress } from '../queries/progress';
import { useFilterActions } from '../stores/useFilterStore';
import { useSearchActions } from '../stores/useSearchStore';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { EmailList } from './EmailList';
import { FilterChips } from './FilterChips';
import { StateMessage } from './StateMessage';

/** The chips over the list, the search narrowing it, and the list of what remains. */
export function FilteredEmailList({ course }: { course: CourseView }) {
  const { shown, searched, counts, filter, matching, plan } = useShownEmails(course.id);
  const weekOf = useProgress(course.id).data?.weekOf;
  const selectedId = useSelection(course.id);
  const openId = useUiStore((s) => s.openId);
  const { open, select } = useUiActions();
  const setMark = useSetMark();
  const { setFilter } = useFilterActions();
  const { clear } = useSearchActions();
  const mark = setMark.mutate;
  // Stable, so that rows (memoized) re-render only when their own email changes.
  const toggleDone = useCallback(
    (id: string, done: boolean) => {
      select(id);
      mark({ emailId: id, courseId: course.id, field: 'done', value: done });
    },
    [select, mark, course.id],
  );

  return (
    <>
      <FilterChips value={filter} counts={counts} onChange={(f) => setFilter(course.id, f)} />
      {matching && (
        <p className="search-narrowed" role="status">
          {searched.length} {searched.length === 1 ? 'email matches' : 'emails match'} “
          {matching.text}”
          <button type="button" className="button button-quiet button-small" onClick={clear}>
            Show all
          </button>
        </p>
      )}
      {shown.length === 0 ? (
        <StateMessage
          title={emptyFilterText(filter, matching !== undefined)}
          action={
            filter !== 'all' && (
              <button type="button" className="button" onClick={() => setFilter(course.id, 'all')}>
                Show all emails
              </button>
            )
          }
        />
      ) : (
        <EmailList
          emails={shown}
          label={`Emails of ${course.title}`}
          dueOn={plan.dueOn}
          // The learner's week of their plan, from the core.
          weekOf={weekOf}
          today={plan.today}
          selectedId={selectedId}
          openId={openId}
          onOpen={open}
          onToggleDone={toggleDone}
        />
      )}
    </>
  );
}
