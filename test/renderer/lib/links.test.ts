import { expect, test } from 'vitest';
import { isWebUrl, shortUrl } from '../../../renderer/lib/links';

test('only http and https links may leave the app', () => {
  expect(isWebUrl('https://docs.python.org/3/')).toBe(true);
  expect(isWebUrl('http://example.org')).toBe(true);
  expect(isWebUrl('javascript:alert(1)')).toBe(false);
  expect(isWebUrl('JaVaScRiPt:alert(1)')).toBe(false);
  expect(isWebUrl('file:///etc/passwd')).toBe(false);
  expect(isWebUrl('mailto:someone@example.org')).toBe(false);
  expect(isWebUrl('/relative/path')).toBe(false);
  expect(isWebUrl(undefined)).toBe(false);
});

test('a feed address reads as host and path', () => {
  expect(shortUrl('https://discuss.python.org/c/help/7.rss')).toBe(
    'discuss.python.org/c/help/7.rss',
  );
  expect(shortUrl('https://example.org/')).toBe('example.org');
  expect(shortUrl('not a url')).toBe('not a url');
});
