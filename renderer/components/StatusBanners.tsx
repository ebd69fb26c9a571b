import { formatMoment } from '../lib/dates';
import { useLibraryActions, useLibraryStore } from '../stores/useLibraryStore';
import { useReaderActions, useReaderStore } from '../stores/useReaderStore';
import { useSyncActions, useSyncStore } from '../stores/useSyncStore';
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
  const offline = useSyncStore((s) => s.lastReport?.offline ?? false);
  const running = useSyncStore((s) => s.running);
  const savedAt = useLibraryStore((s) => latestSuccess(s.sources));
  const { start } = useSyncActions();
  if (!offline) return null;
  return (
    <div className="banner banner-offline" role="status">
      <p className="banner-text">
        <strong>Offline</strong> — showing your saved copy
        {savedAt ? ` from ${formatMoment(savedAt)}` : ''}.
      </p>
      <button type="button" className="button" disabled={running} onClick={() => void start()}>
        Try again
      </button>
    </div>
  );
}

function Notices() {
  const notices = useLibraryStore((s) => s.notices);
  const { dismissNotice } = useLibraryActions();
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.id} className={`banner banner-${notice.level}`}>
          <p className="banner-text">{notice.message}</p>
          <button type="button" className="button" onClick={() => void dismissNotice(notice.id)}>
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

/** Everything the learner should know about the library's state, above the panes. */
export function StatusBanners() {
  const linkError = useUiStore((s) => s.linkError);
  const refreshError = useLibraryStore((s) => s.refreshError);
  const markError = useReaderStore((s) => s.markError);
  const { clearLinkError } = useUiActions();
  const { clearMarkError } = useReaderActions();
  return (
    <div className="status-banners">
      <Notices />
      <OfflineBanner />
      <SourceErrors />
      <MessageBanner text={refreshError} />
      <MessageBanner text={linkError} onClose={clearLinkError} />
      <MessageBanner text={markError} onClose={clearMarkError} />
    </div>
  );
}
