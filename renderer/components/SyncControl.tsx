import { relativeTime } from '../lib/dates';
import { reportSummary, syncSummary } from '../lib/sync-text';
import { errorText } from '../lib/error-text';
import { useLibrary } from '../queries/library';
import { useCancelSync, useStartSync, useSyncView } from '../queries/sync';

/** The header's sync button and one-line status, announced politely to screen readers. */
export function SyncControl() {
  const { running, cancelling, progress, lastReport, startError } = useSyncView();
  const lastSyncAt = useLibrary().data?.lastSyncAt;
  const start = useStartSync();
  const cancel = useCancelSync();
  const error = startError ? errorText(startError) : undefined;

  let status: string;
  if (running) status = cancelling ? 'Cancelling…' : syncSummary(progress);
  else if (error) status = error;
  else if (lastReport) status = reportSummary(lastReport);
  else status = lastSyncAt ? `Last synced ${relativeTime(lastSyncAt)}` : 'Not synced yet';

  return (
    <div className="sync-control">
      <p
        className={`sync-status${error ? ' is-error' : ''}`}
        role="status"
        aria-live="polite"
        title={status}
      >
        {running && <span className="spinner spinner-small" aria-hidden="true" />}
        <span className="sync-status-text">{status}</span>
      </p>
      {running ? (
        <button
          type="button"
          className="button"
          onClick={() => cancel.mutate()}
          disabled={cancelling || cancel.isPending}
        >
          Cancel sync
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => start.mutate({})}
          aria-keyshortcuts="Control+R Meta+R R"
          title="Sync now (R or Ctrl/Cmd+R)"
        >
          Sync now
        </button>
      )}
    </div>
  );
}
