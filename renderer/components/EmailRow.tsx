import { memo } from 'react';
import type { EmailSummary } from '../../electron/shared/types';
import { formatSendDate } from '../lib/dates';
import { dueLabel } from '../lib/plan-dates';

interface EmailRowProps {
  email: EmailSummary;
  optionId: string;
  index: number;
  count: number;
  /** The learner's week of their plan, from the core. */
  week?: number;
  /** Due date in the learner's plan, and the core's today. */
  dueOn?: string;
  today?: string;
  selected: boolean;
  open: boolean;
  onOpen: (emailId: string) => void;
  onToggleDone: (emailId: string, done: boolean) => void;
}

/**
 * One email of the sequence: done box, place (week, date), due date, title
 * and whether it was read. An option cannot hold a working checkbox for
 * screen readers, so the row itself carries aria-checked and the box is for
 * the mouse; the keyboard uses Space or x on the row. Memoized: opening or
 * marking one email re-renders that row and the one it replaces, not every row in view.
 */
export const EmailRow = memo(function EmailRow(props: EmailRowProps) {
  const { email, optionId, index, count, week, dueOn, today, selected, open } = props;
  const due = dueLabel(dueOn, today, email.done);
  const classes = [
    'email-row',
    selected && 'is-selected',
    open && 'is-open',
    !email.opened && 'is-unread',
    email.done && 'is-done',
  ];
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-checked={email.done}
      aria-current={open ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={classes.filter(Boolean).join(' ')}
      onClick={() => props.onOpen(email.id)}
    >
      <span
        className="done-box"
        aria-hidden="true"
        title={email.done ? 'Done (click to undo)' : 'Mark done (X)'}
        onClick={(event) => {
          event.stopPropagation();
          props.onToggleDone(email.id, !email.done);
        }}
      />
      <span className="email-order" aria-hidden="true">
        {email.order}
      </span>
      <span className="email-text">
        <span className="email-title" title={email.title}>
          {email.title || 'Untitled email'}
        </span>
        {/* The due date and week are the learner's plan; the reader still shows the send date. */}
        <span className="email-meta" title={`Sent ${formatSendDate(email.sentAt)}`}>
          {due && <span className={`due due-${due.tone}`}>{due.text}</span>}
          {week !== undefined && <span>Week {week}</span>}
          {!due && <span>{formatSendDate(email.sentAt)}</span>}
        </span>
      </span>
      <span className="email-marks">
        {email.starred && (
          <span className="mark-star" title="Starred">
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">Starred</span>
          </span>
        )}
        {email.hasNote && (
          <span className="mark-note" title="You wrote a note">
            <span aria-hidden="true">✎</span>
            <span className="visually-hidden">Has a note</span>
          </span>
        )}
      </span>
      <span
        className={`email-state ${email.opened ? 'state-read' : 'state-unread'}`}
        title={email.opened ? undefined : 'Unread'}
      >
        <span className="visually-hidden">{email.opened ? 'Read' : 'Unread'}</span>
      </span>
    </div>
  );
});
