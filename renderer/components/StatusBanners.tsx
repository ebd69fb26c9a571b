import { formatMoment } from '../lib/dates';
import { errorText, isLocked, isOffline } from '../lib/error-text';
import { useDismissNotice, useLibrary } from '../queries/library';
import { useStartSync, useSyncView } from '../queries/sync';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { SourceErrors } from './SourceErrors';

function latestSuccess(sources: { lastSuccessAt?: string }[]): string | undefined {
  return sources
    .map((s) => s.lastSuccessAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .at(-1);
}

function OfflineBanner() {
  const { lastReport, running, startError } = useSyncView();
  const savedAt = latestSuccess(useLibrary().data?.sources ?? []);
  const startSync = useStartSync();
  const offline = (lastReport?.offline ?? false) || isOffline(startError);
  if (!offline) return null;
  return (
    <div className="banner banner-offline" role="status">
      <p className="banner-text">
        <strong>Offline</strong> — showing your saved copy
        {savedAt ? ` from ${formatMoment(savedAt)}` : ''}.
      </p>
      <button
        type="button"
        className="button"
        disabled={running}
        onClick={() => startSync.mutate({})}
      >
        Try again
      </button>
    </div>
  );
}

function Notices() {
  const notices = useLibrary().data?.notices ?? [];
  const dismiss = useDismissNotice();
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.id} className={`banner banner-${notice.level}`}>
          <p className="banner-text">{notice.message}</p>
          <button type="button" className="button" onClick={() => dismiss.mutate(notice.id)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}

function MessageBanner({ text, onClose }: { text?: string; onClose?: () => void }) {
  if (!text) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <p className="banner-text">{text}</p>
      {onClose && (
        <button type="button" className="button" onClick={onClose}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** The library could not be used at all: another Studyline holds it. */
function LockedBanner() {
  const { startError } = useSyncView();
  if (!isLocked(startError)) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-text">
        <strong>Your library is in use elsewhere</strong> — {errorText(startError)}
      </p>
    </div>
  );
}

/** Everything the learner should know about the library's state, above the panes. */
export function StatusBanners() {
  const linkError = useUiStore((s) => s.linkError);
  const library = useLibrary();
  // The library on screen could not be re-read; it stays as it was.
  const refreshError = library.isError ? errorText(library.error) : undefined;
  const markError = useUiStore((s) => s.markError);
  const actionError = useUiStore((s) => s.actionError);
  const { clearLinkError, setMarkError, setActionError } = useUiActions();
  return (
    <div className="status-banners">
      <Notices />
      <LockedBanner />
      <OfflineBanner />
      <SourceErrors />
      <MessageBanner text={refreshError} />
      <MessageBanner text={linkError} onClose={clearLinkError} />
      <MessageBanner text={actionError} onClose={() => setActionError(undefined)} />
      <MessageBanner text={markError} onClose={() => setMarkError(undefined)} />
    </div>
  );
}
