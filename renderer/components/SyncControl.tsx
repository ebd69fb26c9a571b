import { relativeTime } from '../lib/dates';
import { reportSummary, syncSummary } from '../lib/sync-text';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useSyncActions, useSyncStore } from '../stores/useSyncStore';

/** The header's sync button and one-line status, announced politely to screen readers. */
export function SyncControl() {
  const running = useSyncStore((s) => s.running);
  const cancelling = useSyncStore((s) => s.cancelling);
  const progress = useSyncStore((s) => s.progress);
  const lastReport = useSyncStore((s) => s.lastReport);
  const error = useSyncStore((s) => s.error);
  const lastSyncAt = useLibraryStore((s) => s.lastSyncAt);
  const { start, cancel } = useSyncActions();

  let status: string;
  if (running) status = cancelling ? 'Cancelling…' : syncSummary(progress);
  else if (error) status = error;
  else if (lastReport) status = reportSummary(lastReport);
  else status = lastSyncAt ? `Last synced ${relativeTime(lastSyncAt)}` : 'Not synced yet';

  return (
    <div className="sync-control">
      <p className={`sync-status${error ? ' is-error' : ''}`} role="status" aria-live="polite">
        {running && <span className="spinner spinner-small" aria-hidden="true" />}
        {status}
      </p>
      {running ? (
        <button
          type="button"
          className="button"
          onClick={() => void cancel()}
          disabled={cancelling}
        >
          Cancel sync
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void start()}
          aria-keyshortcuts="Control+R Meta+R R"
          title="Sync now (R or Ctrl/Cmd+R)"
        >
          Sync now
        </button>
      )}
    </div>
  );
}
