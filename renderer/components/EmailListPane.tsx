import type { ReactNode } from 'react';
import type { CourseView } from '../../electron/shared/types';
import { useMarkedEmails } from '../hooks/useShownEmails';
import { useStartSync, useSyncView } from '../queries/sync';
import { FilteredEmailList } from './FilteredEmailList';
import { ProgressHeader } from './ProgressHeader';
import { LoadError, StateMessage } from './StateMessage';

function NoEmails({ course }: { course: CourseView }) {
  const { running } = useSyncView();
  const startSync = useStartSync();
  const sync = (
    <button
      type="button"
      className="button button-primary"
      disabled={running}
      onClick={() => startSync.mutate({ courseId: course.id })}
    >
      Sync now
    </button>
  );
  return (
    <StateMessage
      title={running ? 'Fetching the emails…' : 'No emails saved yet'}
      action={running ? undefined : sync}
    >
      {running
        ? 'They appear here as they arrive.'
        : 'Sync to save this course’s emails for reading, even offline.'}
    </StateMessage>
  );
}

function ListBody({ course }: { course: CourseView }) {
  const emails = useMarkedEmails(course.id);

  // A failed re-read keeps the list on screen; only no list at all is an error.
  if (emails.isError && !emails.marked) {
    return (
      <LoadError
        title="The emails could not be loaded"
        error={emails.error}
        onRetry={() => void emails.refetch()}
        retryLabel="Retry"
      />
    );
  }
  if (!emails.marked) return <StateMessage tone="loading" title="Loading emails…" />;
  if (emails.marked.length === 0) return <NoEmails course={course} />;
  return <FilteredEmailList course={course} />;
}

/**
 * The archive walk broke off before the first email: the learner is told
 * that the earliest ones may be missing (so numbers and due dates may still
 * change), with a Retry that syncs the course.
 */
function ArchiveGapBanner({ course }: { course: CourseView }) {
  const { running: syncing } = useSyncView();
  const startSync = useStartSync();
  const missing = course.archiveGap?.missingEstimate;
  if (missing === undefined) return null;
  return (
    <div className="banner banner-warning archive-gap" role="status">
      <p className="banner-text">
        The earliest {missing} email{missing === 1 ? '' : 's'} may be missing; numbers may change.
      </p>
      <button
        type="button"
        className="button"
        disabled={syncing}
        onClick={() => startSync.mutate({ courseId: course.id })}
      >
        {syncing ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

/**
 * The followed course's emails in sequence order, under the course's name
 * (the screen's heading) and where the learner stands, on one line.
 */
interface EmailListPaneProps {
  course: CourseView;
  id: string;
  /** The splitter on the pane's edge (inside the landmark, so nothing is outside one). */
  edge?: ReactNode;
}

export function EmailListPane({ course, id, edge }: EmailListPaneProps) {
  return (
    <nav id={id} className="pane pane-list" aria-labelledby="course-title">
      <header className="pane-header list-header">
        <h1 id="course-title" className="course-title" title={course.title} tabIndex={-1}>
          {course.title}
        </h1>
        <ArchiveGapBanner course={course} />
        <ProgressHeader courseId={course.id} />
      </header>
      <ListBody course={course} />
      {edge}
    </nav>
  );
}
