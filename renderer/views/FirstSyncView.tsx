import { SyncProgressList } from '../components/SyncProgressList';
import { reportSummary, syncSummary } from '../lib/sync-text';
import { useActiveCourse } from '../stores/useLibraryStore';
import { useSyncActions, useSyncStore } from '../stores/useSyncStore';
import { useUiActions } from '../stores/useUiStore';

/** The first sync of a newly followed course: progress as it arrives, and a way out. */
export function FirstSyncView() {
  const course = useActiveCourse();
  const running = useSyncStore((s) => s.running);
  const cancelling = useSyncStore((s) => s.cancelling);
  const progress = useSyncStore((s) => s.progress);
  const report = useSyncStore((s) => s.lastReport);
  const error = useSyncStore((s) => s.error);
  const { cancel, start } = useSyncActions();
  const { show } = useUiActions();

  const summary = running
    ? syncSummary(progress)
    : (error ?? (report ? reportSummary(report) : 'Preparing…'));

  return (
    <main className="first-sync" aria-labelledby="first-sync-title">
      <div className="first-sync-inner">
        <h1 id="first-sync-title">{running ? 'Saving your course' : 'First sync finished'}</h1>
        {course && <p className="first-sync-course">{course.title}</p>}
        <p className="first-sync-summary" role="status" aria-live="polite">
          {running && <span className="spinner" aria-hidden="true" />}
          {summary}
        </p>
        <SyncProgressList progress={progress} />
        <div className="first-sync-actions">
          {running ? (
            <button
              type="button"
              className="button"
              onClick={() => void cancel()}
              disabled={cancelling}
            >
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button-primary"
                onClick={() => show('library')}
              >
                Go to your library
              </button>
              {course && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void start({ courseId: course.id })}
                >
                  {report?.cancelled ? 'Resume sync' : 'Retry'}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </main>
  );
}
