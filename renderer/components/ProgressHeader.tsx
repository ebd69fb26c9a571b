import type { CourseProgressView, CourseStatus } from '../../electron/shared/types';
import {
  doneText,
  finishText,
  nextText,
  standingOf,
  streakText,
  summaryParts,
} from '../lib/progress-text';
import { errorText } from '../lib/error-text';
import { useMarks } from '../queries/marks';
import { useEmails } from '../queries/emails';
import { usePlanMutation, usePlanOutcome, useProgress } from '../queries/progress';
import type { PlanChange } from '../queries/progress';
import { useUiActions } from '../stores/useUiStore';
import { Popover } from './Popover';

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

function NextLine({ status, onOpen }: { status: CourseStatus; onOpen: (id: string) => void }) {
  if (!status.next || status.finished) return null;
  const next = nextText(status.next, status.today);
  const emailId = status.next.emailId;
  return (
    <p className={`progress-next${status.next.overdue ? ' is-overdue' : ''}`}>
      <span className="progress-next-label">Next:</span>{' '}
      <button type="button" className="link-button" onClick={() => onOpen(emailId)}>
        {next.title}
      </button>{' '}
      <span className="progress-next-due">{next.due}</span>
    </p>
  );
}

interface PlanButtonsProps {
  courseId: string;
  status: CourseStatus;
  close: () => void;
}

function PlanButtons({ courseId, status, close }: PlanButtonsProps) {
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
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          close();
          openDialog('plan');
        }}
      >
        Change plan
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          close();
          openDialog('agenda');
        }}
      >
        Agenda
      </button>
    </div>
  );
}

/** The details under the one-line summary: the bar, the streak, what is next, the finish, the plan. */
function ProgressDetails({ view, close }: { view: CourseProgressView; close: () => void }) {
  const { status } = view;
  const { open } = useUiActions();
  const emails = useEmails(view.courseId).data ?? [];
  const marksOf = useMarks(view.courseId);
  const read = emails.filter((e) => marksOf(e).opened).length;
  const streak = streakText(status.streak);
  const finish = finishText(status);
  return (
    <>
      <ProgressBar status={status} />
      <p className="progress-detail-line">
        {status.percent}% · {doneText(status)} · {read} read{streak ? ` · ${streak}` : ''}
      </p>
      <NextLine
        status={status}
        onOpen={(id) => {
          close();
          open(id);
        }}
      />
      {finish && <p className="progress-finish">{finish}</p>}
      <PlanButtons courseId={view.courseId} status={status} close={close} />
    </>
  );
}

/** Where the learner stands, on one line ("5/16 done · On track · next due Fri"), details on demand. */
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
  const standing = standingOf(status);
  const parts = summaryParts(status);
  return (
    <section className="progress-header" aria-label="Your progress">
      <p className="progress-summary">
        {status.total > 0 && <span className="progress-done">{parts.done}</span>}
        {status.total > 0 && (
          <span className={`standing standing-${standing.tone}`}>{standing.text}</span>
        )}
        {parts.next && <span className="progress-next-due">{parts.next}</span>}
        {status.total === 0 && <span>Your plan is set; the emails arrive with the sync.</span>}
      </p>
      <Popover
        id="progress-details"
        label="Your progress in detail"
        button={
          <>
            <span className="progress-details-text">Details</span>
            <span aria-hidden="true">▾</span>
          </>
        }
        buttonClassName="button button-quiet button-small progress-details-button"
        buttonLabel="Progress details"
        className="progress-details"
      >
        {(close) => <ProgressDetails view={view} close={close} />}
      </Popover>
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
