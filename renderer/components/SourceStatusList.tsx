import { relativeTime } from '../lib/dates';
import { sourceLabel, sourceName } from '../lib/sync-text';
import { useNow } from '../hooks/useNow';
import { Popover } from './Popover';
import { useLibrary } from '../queries/library';
import { useStartSync, useSyncView } from '../queries/sync';

function statusText(
  source: { status: string; itemCount: number; kind: string; lastSuccessAt?: string },
  now: Date,
) {
  const noun = source.kind === 'archive' ? 'email' : 'post';
  const items = `${source.itemCount} ${noun}${source.itemCount === 1 ? '' : 's'}`;
  if (source.status === 'never') return 'Not synced yet';
  const when = source.lastSuccessAt
    ? `synced ${relativeTime(source.lastSuccessAt, now)}`
    : 'never synced';
  return `${items} · ${when}`;
}

/** Every source of the library with its state, in a pop-up under "Sources" in the header. */
export function SourceStatusList() {
  const library = useLibrary().data;
  const sources = library?.sources ?? [];
  const courses = library?.courses ?? [];
  const { running } = useSyncView();
  const startSync = useStartSync();
  const retrySource = (sourceId: string) => startSync.mutate({ sourceIds: [sourceId] });

  const now = useNow();
  const failing = sources.filter((s) => s.status === 'error').length;

  return (
    <Popover
      id="sources"
      label="Sources and their last sync"
      button={`Sources${failing > 0 ? ` (${failing} failing)` : ''}`}
      className="source-status"
    >
      {/* A function: the rows (and their relative times) are built only when it opens. */}
      {() => (
        <ul className="source-status-list" aria-label="Sources and their last sync">
          {sources.length === 0 && <li className="source-status-item">No sources yet.</li>}
          {sources.map((source) => {
            // Synced, but over one of Studyline's limits: a warning, never a tick.
            const warning = source.status === 'ok' ? source.warning : undefined;
            return (
              <li
                key={source.id}
                className={`source-status-item status-${warning ? 'warning' : source.status}`}
              >
                <span className="source-status-mark" aria-hidden="true">
                  {source.status === 'error' || warning ? '!' : source.status === 'ok' ? '✓' : '·'}
                </span>
                <span className="source-status-text">
                  <span className="source-status-name">
                    {sourceLabel(source.kind)}: {sourceName(source, courses)}
                  </span>
                  <span className="source-status-state">
                    {source.status === 'error'
                      ? (source.error ?? 'The last sync failed.')
                      : statusText(source, now)}
                  </span>
                  {warning && <span className="source-status-warning">{warning}</span>}
                </span>
                {source.status === 'error' && (
                  <button
                    type="button"
                    className="button"
                    disabled={running}
                    onClick={() => retrySource(source.id)}
                  >
                    Retry
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Popover>
  );
}
