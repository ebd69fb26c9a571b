import { useEffect } from 'react';
import type { CourseView } from '../../electron/shared/types';
import { PlanForm } from '../components/PlanForm';
import { StateMessage } from '../components/StateMessage';
import { SyncProgressList } from '../components/SyncProgressList';
import { reportSummary, syncSummary } from '../lib/sync-text';
import { useActiveCourse } from '../stores/useLibraryStore';
import { useProgressActions, useProgressStore } from '../stores/useProgressStore';
import { useSyncActions, useSyncStore } from '../stores/useSyncStore';
import { useUiActions } from '../stores/useUiStore';

/** The first sync as it runs: one line when it went well, every source when it did not. */
function FirstSync({ course }: { course?: CourseView }) {
  const running = useSyncStore((s) => s.running);
  const cancelling = useSyncStore((s) => s.cancelling);
  const progress = useSyncStore((s) => s.progress);
  const report = useSyncStore((s) => s.lastReport);
  const error = useSyncStore((s) => s.error);
  const { cancel, start } = useSyncActions();
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
            onClick={() => void cancel()}
            disabled={cancelling}
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
              onClick={() => void start({ courseId: course.id })}
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
  const view = useProgressStore((s) => (s.courseId === course?.id ? s.view : undefined));
  const progressError = useProgressStore((s) => s.error);
  const emailsSoFar = useSyncStore((s) => s.progress.find((p) => p.kind === 'archive')?.totalItems);
  const { load } = useProgressActions();
  const { show } = useUiActions();

  useEffect(() => {
    if (course) void load(course.id);
  }, [course, load]);

  let plan;
  if (course && view) {
    plan = (
      <PlanForm
        key={course.id}
        courseId={course.id}
        plan={view.plan}
        today={view.status.today}
        submitLabel="Start studying"
        onSaved={() => show('library')}
        refreshKey={`${emailsSoFar ?? 0}/${view.status.total}`}
        secondary={
          <button type="button" className="button button-quiet" onClick={() => show('library')}>
            Skip for now
          </button>
        }
      />
    );
  } else if (progressError) {
    plan = (
      <StateMessage tone="error" title="Your plan could not be read">
        {progressError}
      </StateMessage>
    );
  } else plan = <StateMessage tone="loading" title="Preparing your plan…" />;

  return (
    <main className="first-sync" aria-labelledby="first-sync-title">
      <div className="first-sync-inner">
        <header className="first-sync-header">
          <h1 id="first-sync-title">Set your pace</h1>
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
