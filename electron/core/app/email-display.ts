import { extractSendDate } from '../sync/send-date';

/** The opening paragraph: sanitize-html leaves plain tags, so no attribute can hide a ">". */
const FIRST_BLOCK = /^\s*<(p|div)(?:\s[^>]*)?>([\s\S]*?)<\/\1>\s*/i;
/** A send line says only that: "Seq21Oct13: Sent 11 October 2013." is about 35 characters. */
const MAX_LINE = 100;
const ENDS_WITH_YEAR = /\b(?:sent|mailed)\b[\s\S]*\d{4}[\s.)]*$/i;

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The email as it is read: without the "Seq21Oct13: Sent 11 October 2013."
 * paragraph that opens archived posts, which the reader's byline already
 * shows. Only a paragraph that holds nothing else goes; the stored HTML keeps
 * it (the send date and the order come from it).
 */
export function withoutSendLine(html: string): string {
  const match = FIRST_BLOCK.exec(html);
  if (!match) return html;
  const text = textOf(match[2] ?? '');
  const isSendLine =
    text.length <= MAX_LINE && ENDS_WITH_YEAR.test(text) && extractSendDate(text) !== undefined;
  return isSendLine ? html.slice(match[0].length) : html;
}
