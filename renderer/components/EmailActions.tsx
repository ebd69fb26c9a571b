import type { Email } from '../../electron/shared/types';
import { useFlowEmails, useReadingFlow } from '../hooks/useReadingFlow';
import { dueLabel } from '../lib/plan-dates';
import { nextNotDone } from '../lib/reading-order';
import { markDoneUpTo } from '../queries/course-actions';
import { useMarks, useSetMark } from '../queries/marks';
import { useProgress } from '../queries/progress';

/** True when an email before this one is still open: "Done up to here" would change something. */
function useEarlierOpen(email: Email): boolean {
  const emails = useFlowEmails(email.courseId);
  const index = emails.findIndex((e) => e.id === email.id);
  return emails.slice(0, Math.max(0, index)).some((e) => !e.done);
}

/** Done & next, star and "done up to here" for the open email, with its due date in the plan. */
export function EmailActions({ email }: { email: Email }) {
  const marks = useMarks(email.courseId)(email);
  const progress = useProgress(email.courseId).data;
  const setMark = useSetMark();
  const flow = useReadingFlow();
  const earlierOpen = useEarlierOpen(email);
  const due = dueLabel(progress?.dueOn[email.id], progress?.status.today, false);
  const change = (field: 'done' | 'starred', value: boolean) =>
    setMark.mutate({ emailId: email.id, courseId: email.courseId, field, value });
  return (
    <div className="email-actions">
      {marks.done ? (
        <button
          type="button"
          className="button toggle-button is-on"
          aria-pressed="true"
          aria-keyshortcuts="X"
          title="Done (X to undo)"
          onClick={() => change('done', false)}
        >
          <span className="toggle-mark" aria-hidden="true">
            ✓
          </span>
          Done
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary"
          aria-keyshortcuts="D"
          title="Mark done and open the next email (D)"
          onClick={() => void flow.doneAndNext()}
        >
          Done &amp; next
        </button>
      )}
      <button
        type="button"
        className={`button toggle-button${marks.starred ? ' is-on' : ''}`}
        aria-pressed={marks.starred}
        aria-keyshortcuts="S"
        title="Star (S)"
        onClick={() => change('starred', !marks.starred)}
      >
        <span className="star-mark" aria-hidden="true">
          {marks.starred ? '★' : '☆'}
        </span>
        {marks.starred ? 'Starred' : 'Star'}
      </button>
      {earlierOpen && (
        <button
          type="button"
          className="button button-quiet"
          title="Mark this email and every earlier one done (you can undo it)"
          onClick={() => void markDoneUpTo(email)}
        >
          Done up to here
        </button>
      )}
      {due && !marks.done && <span className={`due due-${due.tone}`}>{due.text}</span>}
    </div>
  );
}

/** At the end of each email, the way on: Done & next, or the next email when it is done already. */
export function EmailEnd({ email }: { email: Email }) {
  const flow = useReadingFlow();
  const emails = useFlowEmails(email.courseId);
  const done = emails.find((e) => e.id === email.id)?.done ?? false;
  const hasNext = nextNotDone(emails, email.id) !== undefined;
  return (
    <footer className="email-end" aria-label="End of the email">
      {done ? (
        hasNext ? (
          <button type="button" className="button" onClick={() => flow.next()}>
            Next email to do →
          </button>
        ) : (
          <p className="email-end-note">No email left to do after this one.</p>
        )
      ) : (
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => void flow.doneAndNext()}
        >
          Done &amp; next
        </button>
      )}
      <p className="email-end-hint">
        <kbd>Space</kbd> reads on, <kbd>D</kbd> is Done &amp; next, <kbd>?</kbd> shows every key.
      </p>
    </footer>
  );
}
