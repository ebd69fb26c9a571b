import type { Email } from '../../electron/shared/types';
import { dueLabel } from '../lib/plan-dates';
import { useMarks, useSetMark } from '../queries/marks';
import { useProgress } from '../queries/progress';

/** Done and star for the open email, with its due date in the learner's plan. */
export function EmailActions({ email }: { email: Email }) {
  const marks = useMarks(email.courseId)(email);
  const progress = useProgress(email.courseId).data;
  const setMark = useSetMark();
  const due = dueLabel(progress?.dueOn[email.id], progress?.status.today, false);
  const change = (field: 'done' | 'starred', value: boolean) =>
    setMark.mutate({ emailId: email.id, courseId: email.courseId, field, value });
  return (
    <div className="email-actions">
      <button
        type="button"
        className={`button toggle-button${marks.done ? ' is-on' : ''}`}
        aria-pressed={marks.done}
        aria-keyshortcuts="X"
        onClick={() => change('done', !marks.done)}
      >
        <span className="toggle-mark" aria-hidden="true">
          {marks.done ? '✓' : ''}
        </span>
        {marks.done ? 'Done' : 'Mark done'}
      </button>
      <button
        type="button"
        className={`button toggle-button${marks.starred ? ' is-on' : ''}`}
        aria-pressed={marks.starred}
        onClick={() => change('starred', !marks.starred)}
      >
        <span className="star-mark" aria-hidden="true">
          {marks.starred ? '★' : '☆'}
        </span>
        {marks.starred ? 'Starred' : 'Star'}
      </button>
      {due && !marks.done && <span className={`due due-${due.tone}`}>{due.text}</span>}
    </div>
  );
}
