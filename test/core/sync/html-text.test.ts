import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../electron/core/sync/html-text';

describe('htmlToText', () => {
  it('separates paragraphs and headings with blank lines and collapses whitespace', () => {
    const html =
      '<h2>Week   1</h2>\n<p>Hello\n   learners,</p><p>Read <em>chapter</em>&nbsp;one.</p>';
    expect(htmlToText(html)).toBe('Week 1\n\nHello learners,\n\nRead chapter one.');
  });

  it('shows links as "text (url)" unless the text is the url', () => {
    const html =
      '<p>See <a href="https://docs.python.org/3/">the docs</a> or https://x.org: ' +
      '<a href="https://x.org">https://x.org</a>. Mail <a href="mailto:team@x.org">team@x.org</a>.</p>';
    expect(htmlToText(html)).toBe(
      'See the docs (https://docs.python.org/3/) or https://x.org: https://x.org. Mail team@x.org.',
    );
  });

  it('draws bullets, numbers and nested lists', () => {
    const html =
      '<ul><li>one</li><li>two<ol start="3"><li>three</li><li>four</li></ol></li></ul><p>after</p>';
    expect(htmlToText(html)).toBe('• one\n• two\n  3. three\n  4. four\n\nafter');
    expect(
      htmlToText('<p>Steps:</p><ol><li><p>First</p></li><li><p>Second</p><p>more</p></li></ol>'),
    ).toBe('Steps:\n\n1. First\n2. Second\nmore');
  });

  it('keeps code blocks verbatim and marks inline code', () => {
    const html =
      '<p>Run <code>python3 hello.py</code>:</p><pre><code>def f(x):\n    return x &lt; 2\n</code></pre><p>Done</p>';
    expect(htmlToText(html)).toBe('Run `python3 hello.py`:\n\ndef f(x):\n    return x < 2\n\nDone');
  });

  it('quotes blockquotes and keeps line breaks', () => {
    const html =
      '<p>He said:</p><blockquote><p>Line one<br>line two</p><p>Second</p></blockquote><p>End</p>';
    expect(htmlToText(html)).toBe('He said:\n\n> Line one\n> line two\n>\n> Second\n\nEnd');
  });

  it('lays out table rows with separated cells and names images', () => {
    const html =
      '<table><tr><th>Week</th><th>Topic</th></tr><tr><td>1</td><td>Strings</td></tr></table><img src="https://x.org/a.png" alt="A chart">';
    expect(htmlToText(html)).toBe('Week | Topic\n1 | Strings\n\n[image: A chart]');
  });

  it('drops scripts and styles and decodes entities', () => {
    expect(
      htmlToText(
        '<style>p{}</style><script>alert(1)</script><p>Fish &amp; chips &lt;3 &#8217;</p>',
      ),
    ).toBe('Fish & chips <3 ’');
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToText('')).toBe('');
  });
});
