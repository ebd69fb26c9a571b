import type { SyncProgress } from '../../electron/shared/types';
import { shortUrl } from '../lib/links';
import { progressText, sourceLabel } from '../lib/sync-text';

interface SyncProgressListProps {
  progress: SyncProgress[];
}

/** Each source of the running sync with its pages and items as they arrive. */
export function SyncProgressList({ progress }: SyncProgressListProps) {
  if (progress.length === 0) {
    return <p className="sync-progress-empty">Contacting the course’s sources…</p>;
  }
  return (
    <ul className="sync-progress-list" aria-label="Sources being synced">
      {progress.map((p) => (
        <li key={p.sourceId} className={`sync-progress-item phase-${p.phase}`}>
          <span className="sync-progress-kind">{sourceLabel(p.kind)}</span>
          <span className="sync-progress-url">{shortUrl(p.url)}</span>
          <span className="sync-progress-state">{progressText(p)}</span>
        </li>
      ))}
    </ul>
  );
}
