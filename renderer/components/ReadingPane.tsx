import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { CourseView, Email, EmailSummary } from '../../electron/shared/types';
import { useReadAhead } from '../hooks/useReadAhead';
import { READER_ELEMENT_ID } from '../hooks/useReadingFlow';
import { cssVars } from '../lib/css-vars';
import { formatSendDate } from '../lib/dates';
import { isWebUrl } from '../lib/links';
import { useEmails, useOpenEmail } from '../queries/emails';
import { useProgress } from '../queries/progress';
import { useSettings } from '../queries/settings';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { EmailActions, EmailEnd } from './EmailActions';
import { EmailBody } from './EmailBody';
import { EmailNote } from './EmailNote';
import { EmailResponses } from './EmailResponses';
import { LoadError, StateMessage } from './StateMessage';

export const READER_ID = READER_ELEMENT_ID;

const MEASURES = { narrow: '60ch', medium: '70ch', wide: '88ch' } as const;

/** The learner's reading size and line length (Settings), for the email's text only. */
function useReadingStyle() {
  const { settings } = useSettings();
  const size = settings?.readingFontSize ?? 17;
  const measure = MEASURES[settings?.readingWidth ?? 'medium'];
  return cssVars({ '--reading-size': `${size}px`, '--reading-measure': measure });
}

interface EmailArticleProps {
  email: Email;
  count: number;
  /** The reader is off its top (kept by its scroll events, which cost no layout). */
  scrolledRef: RefObject<boolean>;
}

function EmailArticle({ email, count, scrolledRef }: EmailArticleProps) {
  const { openLink } = useUiActions();
  // The learner's week of their plan; the send date stays in the byline.
  const week = useProgress(email.courseId).data?.weekOf[email.id];
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // A newly opened email starts at its top, not where the last one was left. A reader still
    // at its top is left alone: scrolling it would lay the new email out before its time.
    if (!scrolledRef.current) return;
    scrolledRef.current = false;
    ref.current?.closest('.pane-reader')?.scrollTo({ top: 0 });
  }, [email.id, scrolledRef]);
  return (
    <article ref={ref} className="email-article" aria-labelledby="email-heading">
      <header className="email-header">
        <p className="email-eyebrow">
          Email {email.order}
          {count > 0 ? ` of ${count}` : ''}
          {week !== undefined ? ` · week ${week} of your plan` : ''}
        </p>
        <h2 id="email-heading" className="email-heading">
          {email.title || 'Untitled email'}
        </h2>
        <p className="email-byline">
          <span>{email.sentAt ? `Sent ${formatSendDate(email.sentAt)}` : 'Date unknown'}</span>
          {email.author && <span>by {email.author}</span>}
          {isWebUrl(email.link) && (
            <a
              href={email.link}
              aria-keyshortcuts="O"
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
      <EmailEnd email={email} />
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
  useReadAhead(course.id, query.isPlaceholderData ? undefined : query.data?.id);
  const announcement = useUiStore((s) => s.announcement);
  const style = useReadingStyle();
  const scrolledRef = useRef(false);

  let content;
  if (loading && !email) content = <StateMessage tone="loading" title="Opening the email…" />;
  else if (query.isError) {
    content = (
      <LoadError
        title="This email could not be opened"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (email)
    content = <EmailArticle email={email} count={count} scrolledRef={scrolledRef} />;
  else if (count > 0) {
    content = (
      <StateMessage title="Pick an email to read">
        Click one in the list, or press <kbd>Space</kbd> to start with the one due. <kbd>?</kbd>{' '}
        shows every key.
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
      aria-keyshortcuts="Space Shift+Space"
      style={style}
      onScroll={(event) => {
        scrolledRef.current = event.currentTarget.scrollTop > 0;
      }}
    >
      {content}
      <p className="visually-hidden" role="status">
        {announcement?.text}
      </p>
    </main>
  );
}
