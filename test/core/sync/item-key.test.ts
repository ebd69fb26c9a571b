import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../../electron/core/sync/parse-feed';
import { contentHash, itemId, itemKey } from '../../../electron/core/sync/item-key';

const item = (extra: Partial<ParsedItem> = {}): ParsedItem => ({
  title: 'Week 1',
  html: '<p>Hello</p>',
  categories: ['seq21oct13'],
  ...extra,
});

describe('itemKey', () => {
  it('prefers the guid, then the link', () => {
    expect(itemKey(item({ guid: ' http://x.org/?p=1 ', link: 'https://x.org/a' }))).toBe(
      'http://x.org/?p=1',
    );
    expect(itemKey(item({ guid: '  ', link: 'https://x.org/a' }))).toBe('https://x.org/a');
  });

  it('hashes title and content when there is neither', () => {
    const key = itemKey(item());
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(itemKey(item())).toBe(key);
    expect(itemKey(item({ html: '<p>Other</p>' }))).not.toBe(key);
    expect(itemKey(item({ title: 'Week 2' }))).not.toBe(key);
  });
});

describe('contentHash', () => {
  it('is stable for the same item and changes when a visible field changes', () => {
    const base = contentHash(item({ guid: 'g' }));
    expect(contentHash(item({ guid: 'g' }))).toBe(base);
    expect(contentHash(item({ guid: 'g', html: '<p>Hello!</p>' }))).not.toBe(base);
    expect(contentHash(item({ guid: 'g', title: 'Week 1 (updated)' }))).not.toBe(base);
    expect(contentHash(item({ guid: 'g', categories: ['seq21oct13', 'python'] }))).not.toBe(base);
    expect(contentHash(item({ guid: 'g', publishedAt: '2013-10-21T00:00:00.000Z' }))).not.toBe(
      base,
    );
  });

  it('does not confuse text moved between fields', () => {
    expect(contentHash(item({ title: 'ab', html: 'c' }))).not.toBe(
      contentHash(item({ title: 'a', html: 'bc' })),
    );
  });
});

describe('itemId', () => {
  it('is short, stable and prefixed with the source id', () => {
    const id = itemId('seq21oct13', 'http://x.org/?p=1');
    expect(id).toMatch(/^seq21oct13\.[0-9a-f]{10}$/);
    expect(itemId('seq21oct13', 'http://x.org/?p=1')).toBe(id);
    expect(itemId('seq21oct13', 'http://x.org/?p=2')).not.toBe(id);
    expect(itemId('other', 'http://x.org/?p=1')).not.toBe(id);
  });
});
