import { dueSentence } from '../lib/plan-dates';
import { useProgress } from '../queries/progress';
import { useUiActions } from '../stores/useUiStore';

function Count({ value, label, tone }: { value: number; label: string; tone: string }) {
  return (
    <li className={`today-count${value > 0 ? ` tone-${tone}` : ''}`}>
      <span className="today-number">{value}</span> {label}
    </li>
  );
}

/**
 * Today, a strip at the top of the library: what is due now, what is
 * overdue, what was done today, and the next email to read (a button).
 */
export function TodayPanel({ courseId }: { courseId: string }) {
  // The course's standing as cached; every change of it (done, plan, sync) reads it again.
  const status = useProgress(courseId).data?.status;
  const { reveal } = useUiActions();
  if (!status || status.total === 0) return null;
  const overdue = status.behind;
  const dueToday = status.dueNow - status.behind;
  const next = status.next;
  return (
    <section className="today" aria-labelledby="today-heading">
      <h2 id="today-heading" className="today-heading">
        Today
      </h2>
      <ul className="today-counts">
        <Count value={dueToday} label="due" tone="today" />
        <Count value={overdue} label="overdue" tone="overdue" />
        <Count value={status.doneToday} label="done today" tone="done" />
      </ul>
      {next ? (
        <button type="button" className="today-next" onClick={() => reveal(courseId, next.emailId)}>
          <span className="today-next-label">Next to read:</span>
          <span className="today-next-title">
            {next.order}. {next.title || 'Untitled email'}
          </span>
          <span className="today-next-due">({dueSentence(next.dueOn, status.today)})</span>
        </button>
      ) : (
        <p className="today-done">Every email is done. Well done!</p>
      )}
    </section>
  );
}
