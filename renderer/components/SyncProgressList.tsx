import type { SyncProgress } from '../../electron/shared/types';
import { progressText, sourceLabel, sourceName } from '../lib/sync-text';
import { useCourses } from '../queries/library';

interface SyncProgressListProps {
  progress: SyncProgress[];
}

/** Each source of the running sync with its pages and items as they arrive. */
export function SyncProgressList({ progress }: SyncProgressListProps) {
  const courses = useCourses();
  if (progress.length === 0) {
    return <p className="sync-progress-empty">Contacting the course’s sources…</p>;
  }
  return (
    <ul className="sync-progress-list" aria-label="Sources being synced">
      {progress.map((p) => (
        <li key={p.sourceId} className={`sync-progress-item phase-${p.phase}`}>
          <span className="sync-progress-kind">{sourceLabel(p.kind)}</span>
          <span className="sync-progress-url" title={p.url}>
            {sourceName({ id: p.sourceId, kind: p.kind, url: p.url }, courses)}
          </span>
          <span className="sync-progress-state">{progressText(p)}</span>
        </li>
      ))}
    </ul>
  );
}
