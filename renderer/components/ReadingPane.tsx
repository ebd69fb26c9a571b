import { useLayoutEffect, useRef } from 'react';
import type { CourseView, Email, EmailSummary } from '../../electron/shared/types';
import { formatSendDate, weekNumber } from '../lib/dates';
import { errorText } from '../lib/error-text';
import { isWebUrl } from '../lib/links';
import { useEmails, useOpenEmail } from '../queries/emails';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { EmailActions } from './EmailActions';
import { EmailBody } from './EmailBody';
import { EmailNote } from './EmailNote';
import { EmailResponses } from './EmailResponses';
import { StateMessage } from './StateMessage';

export const READER_ID = 'reader';

function EmailArticle(props: { email: Email; count: number; course: CourseView }) {
  const { email, count, course } = props;
  const { openLink } = useUiActions();
  const week = weekNumber(email.sentAt, course.firstSentAt);
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
      {email.responses && (
        <EmailResponses
          key={email.id}
          responses={email.responses}
          onLink={(href) => void openLink(href)}
        />
      )}
    </article>
  );
}

/** The open email at its place in the list as it is now (a completed archive renumbers it). */
function placed(email: Email | undefined, list: EmailSummary[] | undefined): Email | undefined {
  const listed = email && list?.find((e) => e.id === email.id);
  return listed ? { ...email, order: listed.order, provisional: listed.provisional } : email;
}

/** The open email, or a clear word about why there is none. */
export function ReadingPane({ course }: { course: CourseView }) {
  const openId = useUiStore((s) => s.openId);
  const query = useOpenEmail(openId);
  const list = useEmails(course.id).data;
  const count = list?.length ?? 0;
  // While the next email loads, the one on screen stays put rather than flashing a spinner.
  const email = placed(query.data, list);
  const loading = query.isFetching && (query.isPlaceholderData || !email);

  let content;
  if (loading && !email) content = <StateMessage tone="loading" title="Opening the email…" />;
  else if (query.isError) {
    const retry = (
      <button type="button" className="button" onClick={() => void query.refetch()}>
        Try again
      </button>
    );
    content = (
      <StateMessage tone="error" title="This email could not be opened" action={retry}>
        {errorText(query.error)}
      </StateMessage>
    );
  } else if (email) content = <EmailArticle email={email} count={count} course={course} />;
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
      aria-busy={loading}
    >
      {content}
    </main>
  );
}
