import { useLayoutEffect, useRef } from 'react';
import type { Email } from '../../electron/shared/types';
import { formatSendDate, weekNumber } from '../lib/dates';
import { isWebUrl } from '../lib/links';
import { useActiveCourse } from '../stores/useLibraryStore';
import { useReaderActions, useReaderStore } from '../stores/useReaderStore';
import { useUiActions } from '../stores/useUiStore';
import { EmailActions } from './EmailActions';
import { EmailBody } from './EmailBody';
import { EmailNote } from './EmailNote';
import { StateMessage } from './StateMessage';

export const READER_ID = 'reader';

function EmailArticle({ email, count }: { email: Email; count: number }) {
  const course = useActiveCourse();
  const { openLink } = useUiActions();
  const week = weekNumber(email.sentAt, course?.firstSentAt);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // A newly opened email starts at its top, not where the last one was left.
    ref.current?.closest('.pane-reader')?.scrollTo({ top: 0 });
  }, [email.id]);
  return (
    <article ref={ref} className="email-article" aria-labelledby="email-heading">
      <header className="email-header">
        <p className="email-eyebrow">
          Email {email.order}
          {count > 0 ? ` of ${count}` : ''}
          {week !== undefined ? ` · Week ${week}` : ''}
        </p>
        <h1 id="email-heading" className="email-heading">
          {email.title || 'Untitled email'}
        </h1>
        <p className="email-byline">
          <span>{email.sentAt ? `Sent ${formatSendDate(email.sentAt)}` : 'Date unknown'}</span>
          {email.author && <span>by {email.author}</span>}
          {isWebUrl(email.link) && (
            <a
              href={email.link}
              onClick={(event) => {
                event.preventDefault();
                void openLink(email.link ?? '');
              }}
            >
              Open in browser
            </a>
          )}
        </p>
        <EmailActions email={email} />
      </header>
      <EmailBody html={email.html} onLink={(href) => void openLink(href)} />
      {email.missingPictures && (
        <p className="email-missing-pictures" role="note">
          {email.missingPictures.length === 1
            ? 'One picture of this email could not be downloaded'
            : `${email.missingPictures.length} pictures of this email could not be downloaded`}{' '}
          (Studyline tried again for a week); its description is shown instead.
        </p>
      )}
      <EmailNote key={email.id} email={email} />
    </article>
  );
}

/** The open email, or a clear word about why there is none. */
export function ReadingPane() {
  const email = useReaderStore((s) => s.email);
  const emailState = useReaderStore((s) => s.emailState);
  const emailError = useReaderStore((s) => s.emailError);
  const openId = useReaderStore((s) => s.openId);
  const count = useReaderStore((s) => s.emails.length);
  const { open } = useReaderActions();

  let content;
  // While the next email loads, the current one stays put rather than flashing a spinner.
  if (emailState === 'loading' && !email)
    content = <StateMessage tone="loading" title="Opening the email…" />;
  else if (emailState === 'error') {
    const retry = openId && (
      <button type="button" className="button" onClick={() => void open(openId)}>
        Try again
      </button>
    );
    content = (
      <StateMessage tone="error" title="This email could not be opened" action={retry}>
        {emailError}
      </StateMessage>
    );
  } else if (email) content = <EmailArticle email={email} count={count} />;
  else if (count > 0) {
    content = (
      <StateMessage title="Pick an email to read">
        Click one in the list, or use <kbd>j</kbd> and <kbd>k</kbd> to move, <kbd>Enter</kbd> to
        open and <kbd>x</kbd> to mark one done.
      </StateMessage>
    );
  } else
    content = (
      <StateMessage title="Nothing to read yet">
        The emails of this course appear here once synced.
      </StateMessage>
    );

  return (
    <main
      id={READER_ID}
      className="pane pane-reader"
      tabIndex={-1}
      aria-label="Reading pane"
      aria-busy={emailState === 'loading'}
    >
      {content}
    </main>
  );
}
