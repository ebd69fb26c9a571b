import { htmlToText } from '../core/sync/html-text';
import type { Email } from '../shared/types';

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '—');

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
  return `${lines.join('\n')}\n\n${htmlToText(value.html)}${note}`;
}
