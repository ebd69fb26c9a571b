import { describe, expect, it } from 'vitest';
import { rewriteImageSources } from '../../../electron/core/assets/rewrite-images';

const toAsset = (file: string) => `studyline-asset://assets/${file}`;

describe('rewriteImageSources', () => {
  it('points cached pictures at the asset URL and leaves the others alone', () => {
    const html =
      '<p>Hi</p><img alt="diagram" src="https://example.org/a.png" width="300">' +
      '<img src="https://example.org/not-cached.png">';
    const result = rewriteImageSources(
      html,
      [{ url: 'https://example.org/a.png', file: 'ab/abc.png' }],
      toAsset,
    );
    expect(result).toBe(
      '<p>Hi</p><img alt="diagram" src="studyline-asset://assets/ab/abc.png" width="300">' +
        '<img src="https://example.org/not-cached.png">',
    );
  });

  it('matches addresses written with HTML entities and rewrites every use', () => {
    const html =
      '<img src="https://example.org/q?a=1&amp;b=2"><img src=\'https://example.org/q?a=1&b=2\'>';
    const result = rewriteImageSources(
      html,
      [{ url: 'https://example.org/q?a=1&b=2', file: 'cd/cde.gif' }],
      toAsset,
    );
    expect(result.match(/studyline-asset:\/\/assets\/cd\/cde\.gif/g)).toHaveLength(2);
    expect(result).not.toContain('example.org');
  });

  it('drops srcset on a cached picture so the browser does not fetch the remote copies', () => {
    const html =
      '<img srcset="https://example.org/a@2x.png 2x" src="https://example.org/a.png" alt="x">';
    const result = rewriteImageSources(
      html,
      [{ url: 'https://example.org/a.png', file: 'ab/abc.png' }],
      toAsset,
    );
    expect(result).not.toContain('srcset');
    expect(result).toContain('src="studyline-asset://assets/ab/abc.png"');
    expect(result).toContain('alt="x"');
  });

  it('escapes the asset URL it writes into the attribute', () => {
    const html = '<img src="https://example.org/a.png">';
    const result = rewriteImageSources(
      html,
      [{ url: 'https://example.org/a.png', file: 'a.png' }],
      () => '/x?a="b"&c',
    );
    expect(result).toBe('<img src="/x?a=&quot;b&quot;&amp;c">');
  });

  it('returns the HTML unchanged when nothing is cached', () => {
    const html = '<img src="https://example.org/a.png">';
    expect(rewriteImageSources(html, [], toAsset)).toBe(html);
  });
});
