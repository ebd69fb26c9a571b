import type {
  CourseView,
  SourceKind,
  SourceSyncStatus,
  SyncPhase,
  SyncProgress,
  SyncReport,
} from '../../electron/shared/types';
import { shortUrl } from './links';

function things(kind: SourceKind, count: number): string {
  const noun = kind === 'archive' ? 'email' : 'post';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One source's progress in words, e.g. "Page 2 · 20 emails (20 new)". */
export function progressText(progress: SyncProgress): string {
  const items = `${things(progress.kind, progress.totalItems)} (${progress.newItems} new)`;
  switch (progress.phase) {
    case 'start':
      return 'Connecting…';
    case 'page':
      return progress.page ? `Page ${progress.page} · ${items}` : items;
    case 'not-modified':
      return 'No changes since the last sync';
    case 'done':
      return `Done · ${items}`;
    case 'error':
      return progress.message ?? 'Could not be synced';
    case 'skipped':
      return progress.message ?? 'Skipped for now';
  }
}

export function sourceLabel(kind: SourceKind): string {
  return kind === 'archive' ? 'Course emails' : 'Study group';
}

/** The running sync in one sentence, for the status line and screen readers. */
export function syncSummary(progress: SyncProgress[]): string {
  const archive = progress.find((p) => p.kind === 'archive');
  if (!archive) return progress.length ? `Syncing ${progress.length} sources…` : 'Starting sync…';
  if (archive.phase === 'start') return 'Contacting the course archive…';
  const page = archive.page ? `, page ${archive.page}` : '';
  return `Syncing${page}: ${archive.totalItems} emails saved, ${archive.newItems} new`;
}

/** After a sync: "Synced: 3 new emails." or what went wrong, in brief. */
export function reportSummary(report: SyncReport): string {
  if (report.cancelled) return 'Sync cancelled. Everything fetched so far is saved.';
  if (report.offline) return 'You seem to be offline. Your saved copy is still here.';
  const newEmails = report.results
    .filter((r) => r.kind === 'archive')
    .reduce((sum, r) => sum + r.newItems, 0);
  const failed = report.results.filter((r) => r.status === 'error').length;
  const fresh =
    newEmails === 0 ? 'no new emails' : `${newEmails} new email${newEmails === 1 ? '' : 's'}`;
  if (failed === 0) return `Synced: ${fresh}.`;
  return `Synced with problems: ${fresh}; ${failed} source${failed === 1 ? '' : 's'} could not be reached.`;
}

interface NamedSource {
  id: string;
  kind: SourceKind;
  title?: string;
  url: string;
}

/**
 * What the learner calls a source: the study group's or the course's name.
 * A feed that never answered has no title of its own yet.
 */
export function sourceName(source: NamedSource, courses: CourseView[] = []): string {
  if (source.kind === 'group') {
    const group = courses.flatMap((c) => c.groups).find((g) => g.sourceId === source.id);
    if (group) return group.name;
  } else {
    const course = courses.find((c) => c.archiveSourceId === source.id);
    if (course) return course.title;
  }
  return source.title?.trim() || shortUrl(source.url);
}

const PHASE_OF: Record<SourceSyncStatus, SyncPhase> = {
  ok: 'done',
  'not-modified': 'not-modified',
  error: 'error',
  cancelled: 'skipped',
  skipped: 'skipped',
};

/** A finished sync's sources as progress lines, so the list still says how each one went. */
export function progressOfReport(report: SyncReport): SyncProgress[] {
  return report.results.map((result) => ({
    sourceId: result.sourceId,
    url: result.url,
    kind: result.kind,
    phase: PHASE_OF[result.status],
    page: result.pages || undefined,
    newItems: result.newItems,
    totalItems: result.itemCount,
    message: result.status === 'cancelled' ? 'Cancelled before its turn' : result.error,
  }));
}
