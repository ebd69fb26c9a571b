import type { EmailSummary } from '../../electron/shared/types';
import { formatSendDate, weekNumber } from '../lib/dates';

interface EmailRowProps {
  email: EmailSummary;
  optionId: string;
  index: number;
  count: number;
  firstSentAt?: string;
  selected: boolean;
  open: boolean;
  onOpen: (emailId: string) => void;
}

/** One email of the sequence: its place (week, date), title and whether it was read. */
export function EmailRow({
  email,
  optionId,
  index,
  count,
  firstSentAt,
  selected,
  open,
  onOpen,
}: EmailRowProps) {
  const week = weekNumber(email.sentAt, firstSentAt);
  const classes = [
    'email-row',
    selected && 'is-selected',
    open && 'is-open',
    !email.opened && 'is-unread',
  ];
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={classes.filter(Boolean).join(' ')}
      onClick={() => onOpen(email.id)}
    >
      <span className="email-order" aria-hidden="true">
        {email.order}
      </span>
      <span className="email-text">
        <span className="email-title" title={email.title}>
          {email.title || 'Untitled email'}
        </span>
        <span className="email-meta">
          {week !== undefined && <span>Week {week}</span>}
          <span>{formatSendDate(email.sentAt)}</span>
        </span>
      </span>
      <span
        className={`email-state ${email.opened ? 'state-read' : 'state-unread'}`}
        title={email.opened ? undefined : 'Unread'}
      >
        <span className="visually-hidden">{email.opened ? 'Read' : 'Unread'}</span>
      </span>
    </div>
  );
}
