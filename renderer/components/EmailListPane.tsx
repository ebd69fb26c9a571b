import type { CourseView } from '../../electron/shared/types';
import { formatSendDate } from '../lib/dates';
import { useProgressStore } from '../stores/useProgressStore';
import { useReaderActions, useReaderStore } from '../stores/useReaderStore';
import { useSyncActions, useSyncStore } from '../stores/useSyncStore';
import { EmailList } from './EmailList';
import { ProgressHeader } from './ProgressHeader';
import { StateMessage } from './StateMessage';

function ListBody({ course }: { course: CourseView }) {
  const emails = useReaderStore((s) => s.emails);
  const listState = useReaderStore((s) => s.listState);
  const listError = useReaderStore((s) => s.listError);
  const selectedId = useReaderStore((s) => s.selectedId);
  const openId = useReaderStore((s) => s.openId);
  const { open, loadEmails, select, setDone } = useReaderActions();
  const progress = useProgressStore((s) => (s.courseId === course.id ? s.view : undefined));
  const syncing = useSyncStore((s) => s.running);
  const { start } = useSyncActions();

  if (listState === 'error') {
    const retry = (
      <button type="button" className="button" onClick={() => void loadEmails(course.id)}>
        Retry
      </button>
    );
    return (
      <StateMessage tone="error" title="The emails could not be loaded" action={retry}>
        {listError}
      </StateMessage>
    );
  }
  if (emails.length === 0 && listState !== 'ready') {
    return <StateMessage tone="loading" title="Loading emails…" />;
  }
  if (emails.length === 0) {
    const sync = (
      <button
        type="button"
        className="button button-primary"
        disabled={syncing}
        onClick={() => void start({ courseId: course.id })}
      >
        Sync now
      </button>
    );
    return (
      <StateMessage
        title={syncing ? 'Fetching the emails…' : 'No emails saved yet'}
        action={syncing ? undefined : sync}
      >
        {syncing
          ? 'They appear here as they arrive.'
          : 'Sync to save this course’s emails for reading, even offline.'}
      </StateMessage>
    );
  }
  return (
    <EmailList
      emails={emails}
      label={`Emails of ${course.title}`}
      firstSentAt={course.firstSentAt ?? emails[0]?.sentAt}
      dueOn={progress?.dueOn}
      today={progress?.status.today}
      selectedId={selectedId}
      openId={openId}
      onOpen={(id) => void open(id)}
      onToggleDone={(id, done) => {
        select(id);
        void setDone(id, done);
      }}
    />
  );
}

/**
 * The archive walk broke off before the first email: the learner is told
 * that the earliest ones may be missing (so numbers and due dates may still
 * change), with a Retry that syncs the course.
 */
function ArchiveGapBanner({ course }: { course: CourseView }) {
  const syncing = useSyncStore((s) => s.running);
  const { start } = useSyncActions();
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
        onClick={() => void start({ courseId: course.id })}
      >
        {syncing ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

/** The followed course's emails in sequence order, with where the learner stands. */
export function EmailListPane({ course }: { course: CourseView }) {
  const read = useReaderStore((s) => s.emails.filter((e) => e.opened).length);
  const total = useReaderStore((s) => s.emails.length);
  return (
    <nav className="pane pane-list" aria-labelledby="course-title">
      <header className="pane-header">
        <h2 id="course-title" className="course-title" title={course.title}>
          {course.title}
        </h2>
        <p className="course-meta">
          {total > 0 ? `${total} emails · ${read} read` : 'No emails yet'}
          {course.firstSentAt && ` · from ${formatSendDate(course.firstSentAt)}`}
        </p>
        <ArchiveGapBanner course={course} />
        <ProgressHeader courseId={course.id} />
      </header>
      <ListBody course={course} />
    </nav>
  );
}
