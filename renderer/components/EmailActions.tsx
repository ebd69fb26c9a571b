import type { Email } from '../../electron/shared/types';
import { dueLabel } from '../lib/plan-dates';
import { useProgressStore } from '../stores/useProgressStore';
import { useReaderActions } from '../stores/useReaderStore';

/** Done and star for the open email, with its due date in the learner's plan. */
export function EmailActions({ email }: { email: Email }) {
  const { setDone, setStarred } = useReaderActions();
  const dueOn = useProgressStore((s) => s.view?.dueOn[email.id]);
  const today = useProgressStore((s) => s.view?.status.today);
  const due = dueLabel(dueOn, today, false);
  return (
    <div className="email-actions">
      <button
        type="button"
        className={`button toggle-button${email.done ? ' is-on' : ''}`}
        aria-pressed={email.done}
        aria-keyshortcuts="X"
        onClick={() => void setDone(email.id, !email.done)}
      >
        <span className="toggle-mark" aria-hidden="true">
          {email.done ? '✓' : ''}
        </span>
        {email.done ? 'Done' : 'Mark done'}
      </button>
      <button
        type="button"
        className={`button toggle-button${email.starred ? ' is-on' : ''}`}
        aria-pressed={email.starred}
        onClick={() => void setStarred(email.id, !email.starred)}
      >
        <span className="star-mark" aria-hidden="true">
          {email.starred ? '★' : '☆'}
        </span>
        {email.starred ? 'Starred' : 'Star'}
      </button>
      {due && !email.done && <span className={`due due-${due.tone}`}>{due.text}</span>}
    </div>
  );
}
