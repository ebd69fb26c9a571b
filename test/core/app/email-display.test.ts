import { describe, expect, it } from 'vitest';
import { withoutSendLine } from '../../../electron/core/app/email-display';

describe('the send line in the displayed email', () => {
  it('is left out when it is the whole first paragraph', () => {
    expect(
      withoutSendLine('<p>Seq21Oct13: Sent 11 October 2013.</p>\n<p>Hello Pythonistas!</p>'),
    ).toBe('<p>Hello Pythonistas!</p>');
    expect(
      withoutSendLine('<p><strong>Seq7Jan13:</strong> Mailed 4 November 2013</p><p>Hi</p>'),
    ).toBe('<p>Hi</p>');
    expect(withoutSendLine('<div>Sent on: October 11, 2013</div><h2>Week 2</h2>')).toBe(
      '<h2>Week 2</h2>',
    );
  });

  it('stays when the paragraph says more than the date, or is not first', () => {
    const more =
      '<p>Seq21Oct13: Sent 11 October 2013. This week we look at loops and the turtle.</p>';
    expect(withoutSendLine(more)).toBe(more);
    const later = '<p>Hello!</p><p>Seq21Oct13: Sent 11 October 2013.</p>';
    expect(withoutSendLine(later)).toBe(later);
    const impossible = '<p>Sent 31 February 2013.</p><p>Body</p>';
    expect(withoutSendLine(impossible)).toBe(impossible);
    expect(withoutSendLine('')).toBe('');
  });
});
