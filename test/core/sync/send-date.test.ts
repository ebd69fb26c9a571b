import { describe, expect, it } from 'vitest';
import { extractSendDate } from '../../../electron/core/sync/send-date';

describe('extractSendDate', () => {
  it('reads the "Sent" line that opens an archived email', () => {
    expect(extractSendDate('<p>Seq21Oct13: Sent 11 October 2013.</p><p>Hello!</p>')).toBe(
      '2013-10-11',
    );
  });

  it('reads "Mailed" and "Sent on"', () => {
    expect(extractSendDate('<p>Seq7Jan13: Mailed 4 November 2013.</p>')).toBe('2013-11-04');
    expect(extractSendDate('<p><em>Seq7Jan13: Sent on 7 January 2013</em></p>')).toBe('2013-01-07');
  });

  it('reads month-first dates, abbreviations and ordinals', () => {
    expect(extractSendDate('Seq21Oct13: Sent October 21, 2013.')).toBe('2013-10-21');
    expect(extractSendDate('Seq21Oct13: Sent Oct 21 2013')).toBe('2013-10-21');
    expect(extractSendDate('Seq21Oct13: Sent 3rd Sept. 2013')).toBe('2013-09-03');
    expect(extractSendDate('<p>SEQ21OCT13:&nbsp;SENT&nbsp;2&nbsp;DEC&nbsp;2013</p>')).toBe(
      '2013-12-02',
    );
  });

  it('finds the line across markup', () => {
    const html =
      '<div class="x"><p><strong>Seq21Oct13:</strong> <span>Sent</span> 28 October 2013.</p></div>';
    expect(extractSendDate(html)).toBe('2013-10-28');
  });

  it('rejects impossible dates', () => {
    expect(extractSendDate('Seq: Sent 31 February 2013.')).toBeUndefined();
    expect(extractSendDate('Seq: Sent 29 February 2013.')).toBeUndefined();
    expect(extractSendDate('Seq: Sent 29 February 2012.')).toBe('2012-02-29');
    expect(extractSendDate('Seq: Sent 0 March 2013.')).toBeUndefined();
    expect(extractSendDate('Seq: Sent 12 Smarch 2013.')).toBeUndefined();
  });

  it('ignores posts without a send line, or with one far into the text', () => {
    expect(extractSendDate('<p>Welcome to week 3!</p>')).toBeUndefined();
    expect(extractSendDate('<p>Sent from my phone</p>')).toBeUndefined();
    expect(extractSendDate('')).toBeUndefined();
    const late = `<p>${'Long intro. '.repeat(60)}</p><p>Sent 11 October 2013.</p>`;
    expect(extractSendDate(late)).toBeUndefined();
  });
});
