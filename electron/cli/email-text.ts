import { htmlToText } from '../core/sync/html-text';
import type { Email, EmailResponse } from '../shared/types';

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '—');

/** The discussion under an email: each response's author and day, then its text, indented. */
function responsesText(responses: readonly EmailResponse[] | undefined): string {
  if (!responses?.length) return '';
  const count = responses.length === 1 ? '1 response' : `${responses.length} responses`;
  const each = responses.map((r) => {
    const heading = `${r.author ?? 'Someone'}${r.publishedAt ? `, ${day(r.publishedAt)}` : ''}`;
    const body = htmlToText(r.html).replace(/^/gm, '    ');
    return `  ${heading}\n${body}`;
  });
  return `\n\n${count}\n\n${each.join('\n\n')}`;
}

/** One email as terminal text: heading lines, the body, and pictures that never came. */
export function emailText(value: Email): string {
  const lines = [
    value.title,
    `${value.sentAt ? `Sent ${day(value.sentAt)}` : 'Date unknown'}${value.author ? ` by ${value.author}` : ''}`,
  ];
  if (value.link) lines.push(value.link);
  const missing = (value.missingPictures ?? []).map((p) => `  ${p.reason}`);
  const note = missing.length
    ? `\n\n${missing.length === 1 ? 'A picture' : `${missing.length} pictures`} of this email could not be downloaded (Studyline tried for a week):\n${missing.join('\n')}`
    : '';
  return `${lines.join('\n')}\n\n${htmlToText(value.html)}${note}${responsesText(value.responses)}`;
}
