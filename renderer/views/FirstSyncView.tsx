import { useEffect, useRef } from 'react';
import type { CourseView } from '../../electron/shared/types';
import { PlanForm } from '../components/PlanForm';
import { StateMessage } from '../components/StateMessage';
import { SyncProgressList } from '../components/SyncProgressList';
import { errorText } from '../lib/error-text';
import { reportSummary, syncSummary } from '../lib/sync-text';
import { useActiveCourse } from '../queries/library';
import { useProgress } from '../queries/progress';
import { useCancelSync, useStartSync, useSyncView } from '../queries/sync';
import { useUiActions } from '../stores/useUiStore';

/** The first sync as it runs: one line when it went well, every source when it did not. */
function FirstSync({ course }: { course?: CourseView }) {
  const { running, cancelling, progress, lastReport: report, startError } = useSyncView();
  const cancel = useCancelSync();
  const start = useStartSync();
  const error = startError ? errorText(startError) : undefined;
  const summary = running
    ? syncSummary(progress)
    : (error ?? (report ? reportSummary(report) : 'Preparing…'));
  const wentWell = !running && !error && report?.ok === true;

  return (
    <section className="setup-card setup-sync" aria-label="First sync">
      <p className="first-sync-summary" role="status" aria-live="polite">
        {running && <span className="spinner" aria-hidden="true" />}
        {wentWell && (
          <span className="sync-done-mark" aria-hidden="true">
            ✓
          </span>
        )}
        {summary}
      </p>
      {!wentWell && <SyncProgressList progress={progress} />}
      {running ? (
        <div className="first-sync-actions">
          <button
            type="button"
            className="button"
            onClick={() => cancel.mutate()}
            disabled={cancelling || cancel.isPending}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      ) : (
        !wentWell &&
        course && (
          <div className="first-sync-actions">
            <button
              type="button"
              className="button"
              onClick={() => start.mutate({ courseId: course.id })}
            >
              {report?.cancelled ? 'Resume sync' : 'Retry'}
            </button>
          </div>
        )
      )}
    </section>
  );
}

/**
 * Right after following: the learner sets their pace while the first sync
 * saves the emails; the finish dates fill in as the emails arrive.
 */
export function FirstSyncView() {
  const course = useActiveCourse();
  const progress = useProgress(course?.id);
  const view = progress.data;
  const { show } = useUiActions();

  // Following replaced the screen: the learner starts at its heading, not at the page body.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) title.current?.focus();
  }, []);

  let plan;
  if (course && view) {
    plan = (
      <PlanForm
        key={course.id}
        course={course}
        plan={view.plan}
        today={view.status.today}
        submitLabel="Start studying"
        onSaved={() => show('library')}
        secondary={
          <button type="button" className="button button-quiet" onClick={() => show('library')}>
            Skip for now
          </button>
        }
      />
    );
  } else if (progress.isError) {
    plan = (
      <StateMessage tone="error" title="Your plan could not be read">
        {errorText(progress.error)}
      </StateMessage>
    );
  } else plan = <StateMessage tone="loading" title="Preparing your plan…" />;

  return (
    <main className="first-sync" aria-labelledby="first-sync-title">
      <div className="first-sync-inner">
        <header className="first-sync-header">
          <h1 id="first-sync-title" ref={title} tabIndex={-1}>
            Set your pace
          </h1>
          {course && <p className="first-sync-course">{course.title}</p>}
        </header>
        <FirstSync course={course} />
        <section className="setup-card" aria-labelledby="plan-title">
          <h2 id="plan-title">Your plan</h2>
          <p className="setup-intro">
            When to start, how fast to go and on which days. You can change it any time.
          </p>
          {plan}
        </section>
      </div>
    </main>
  );
}
