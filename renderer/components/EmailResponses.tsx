import type { EmailResponse } from '../../electron/shared/types';
import { formatMoment } from '../lib/dates';
import { EmailBody } from './EmailBody';

interface EmailResponsesProps {
  responses: readonly EmailResponse[];
  onLink: (href: string) => void;
}

/**
 * The email's own discussion, saved at sync so it reads offline: closed
 * under the email until the learner opens it ("2 responses"), then each
 * response with its author and date, sanitized like the email itself.
 */
export function EmailResponses({ responses, onLink }: EmailResponsesProps) {
  const count = responses.length === 1 ? '1 response' : `${responses.length} responses`;
  return (
    <details className="email-responses">
      <summary>{count}</summary>
      <ol className="email-responses-list">
        {responses.map((response, index) => (
          <li key={`${response.publishedAt ?? ''}-${index}`} className="email-response">
            <p className="email-response-byline">
              <strong>{response.author ?? 'A reader'}</strong>
              {response.publishedAt && (
                <time dateTime={response.publishedAt}>{formatMoment(response.publishedAt)}</time>
              )}
            </p>
            <EmailBody html={response.html} onLink={onLink} />
          </li>
        ))}
      </ol>
    </details>
  );
}
