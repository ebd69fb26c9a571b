import type { CourseStatus } from '../../electron/shared/types';
import { doneText, finishText, nextText, standingOf, streakText } from '../lib/progress-text';
import { errorText } from '../lib/error-text';
import { usePlanMutation, usePlanOutcome, useProgress } from '../queries/progress';
import type { PlanChange } from '../queries/progress';
import { useUiActions } from '../stores/useUiStore';

function ProgressBar({ status }: { status: CourseStatus }) {
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label="Course progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={status.percent}
      aria-valuetext={`${status.percent}% · ${doneText(status)}`}
    >
      <div className="progress-bar-fill" style={{ width: `${status.percent}%` }} />
    </div>
  );
}

function NextLine({ status }: { status: CourseStatus }) {
  const { open } = useUiActions();
  if (!status.next || status.finished) return null;
  const next = nextText(status.next, status.today);
  const emailId = status.next.emailId;
  return (
    <p className={`progress-next${status.next.overdue ? ' is-overdue' : ''}`}>
      <span className="progress-next-label">Next:</span>
      <button
        type="button"
        className="link-button progress-next-title"
        title={next.title}
        onClick={() => open(emailId)}
      >
        {next.title}
      </button>
      <span className="progress-next-due">{next.due}</span>
    </p>
  );
}

function PlanButtons({ courseId, status }: { courseId: string; status: CourseStatus }) {
  const { busy } = usePlanOutcome(courseId);
  const plan = usePlanMutation(courseId);
  const change = (what: PlanChange) => plan.mutate({ change: what });
  const { openDialog } = useUiActions();
  const behind = status.standing.kind === 'behind' && !status.paused && !status.finished;
  return (
    <div className="progress-actions">
      {behind && (
        <button
          type="button"
          className="button button-primary button-small"
          disabled={busy !== undefined}
          onClick={() => change('catch-up')}
          title="Move what is not done yet so the earliest email is due today"
        >
          {busy === 'catch-up' ? 'Catching up…' : 'Catch up'}
        </button>
      )}
      {!status.finished && (
        <button
          type="button"
          className="button button-small"
          disabled={busy !== undefined}
          onClick={() => change(status.paused ? 'resume' : 'pause')}
        >
          {status.paused ? 'Resume' : 'Pause'}
        </button>
      )}
      <button type="button" className="button button-small" onClick={() => openDialog('plan')}>
        Change plan
      </button>
    </div>
  );
}

/** Where the learner stands in the course: done, standing, streak, next email, and what to do. */
export function ProgressHeader({ courseId }: { courseId: string }) {
  const progress = useProgress(courseId);
  const { actionError, announcement } = usePlanOutcome(courseId);
  const view = progress.data;
  if (!view) {
    return progress.isError ? (
      <p className="progress-error" role="alert">
        {errorText(progress.error)}
      </p>
    ) : null;
  }
  const { status } = view;
  if (status.total === 0) {
    // Nothing to count before the first sync: only the plan can be set.
    return (
      <section className="progress-header" aria-label="Your progress">
        <PlanButtons courseId={courseId} status={status} />
      </section>
    );
  }
  const standing = standingOf(status);
  const streak = streakText(status.streak);
  const finish = finishText(status);
  return (
    <section className="progress-header" aria-label="Your progress">
      <ProgressBar status={status} />
      <p className="progress-summary" role="status">
        <span>{doneText(status)}</span>
        <span className={`standing standing-${standing.tone}`}>{standing.text}</span>
        {streak && <span className="streak">{streak}</span>}
      </p>
      <NextLine status={status} />
      {finish && <p className="progress-finish">{finish}</p>}
      <PlanButtons courseId={courseId} status={status} />
      {actionError && (
        <p className="progress-error" role="alert">
          {actionError}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
