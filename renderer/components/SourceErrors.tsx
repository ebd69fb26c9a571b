import { formatMoment } from '../lib/dates';
import { sourceLabel, sourceName } from '../lib/sync-text';
import { useLibrary } from '../queries/library';
import { useStartSync, useSyncView } from '../queries/sync';

/** Every source whose last sync failed: what it is, why, and a Retry. */
export function SourceErrors() {
  const library = useLibrary().data;
  const sources = library?.sources ?? [];
  const courses = library?.courses ?? [];
  const { running, lastReport } = useSyncView();
  const startSync = useStartSync();
  const retrySource = (sourceId: string) => startSync.mutate({ sourceIds: [sourceId] });
  const offline = lastReport?.offline ?? false;
  const failing = sources.filter((source) => source.status === 'error');
  // Offline, every source fails for the same reason: the offline banner says it once.
  if (failing.length === 0 || offline) return null;

  return (
    <section className="banner banner-error" aria-labelledby="source-errors-title">
      <h2 id="source-errors-title" className="banner-title">
        {failing.length === 1
          ? 'One source could not be synced'
          : `${failing.length} sources could not be synced`}
      </h2>
      <ul className="source-errors">
        {failing.map((source) => (
          <li key={source.id} className="source-error">
            <div className="source-error-text">
              <p className="source-error-name">
                <span className="source-error-kind">{sourceLabel(source.kind)}:</span>{' '}
                {sourceName(source, courses)}
              </p>
              <p className="source-error-reason">{source.error ?? 'The last sync failed.'}</p>
              {source.lastSuccessAt && (
                <p className="source-error-saved">
                  Saved copy from {formatMoment(source.lastSuccessAt)}
                </p>
              )}
            </div>
            <button
              type="button"
              className="button"
              disabled={running}
              onClick={() => retrySource(source.id)}
              aria-label={`Retry ${sourceName(source, courses)}`}
            >
              Retry
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
