import { describe, expect, it } from 'vitest';
import {
  categoryNames,
  cleanText,
  parseFeedDate,
  resolveHttpUrl,
} from '../../../electron/core/sync/feed-fields';

describe('parseFeedDate', () => {
  it('reads RFC 822 and ISO dates as ISO', () => {
    expect(parseFeedDate('Mon, 21 Oct 2013 14:05:12 +0000')).toBe('2013-10-21T14:05:12.000Z');
    expect(parseFeedDate('Mon, 21 Oct 2013 10:05:12 EDT')).toBe('2013-10-21T14:05:12.000Z');
    expect(parseFeedDate('2013-10-21T16:05:12+02:00')).toBe('2013-10-21T14:05:12.000Z');
    expect(parseFeedDate('2013-10-21')).toBe('2013-10-21T00:00:00.000Z');
  });

  it('reads a date-time without a zone as UTC, whatever the machine', () => {
    expect(parseFeedDate('2013-10-21 14:05:12')).toBe('2013-10-21T14:05:12.000Z');
  });

  it('keeps the date when the zone name is unknown', () => {
    expect(parseFeedDate('Mon, 21 Oct 2013 14:05:12 CEST')).toBe('2013-10-21T14:05:12.000Z');
  });

  it('returns undefined for missing, invalid or absurd dates', () => {
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate('  ')).toBeUndefined();
    expect(parseFeedDate('last Tuesday')).toBeUndefined();
    expect(parseFeedDate('2013-02-31T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate('Mon, 21 Oct 275000 14:05:12 +0000')).toBeUndefined();
    expect(parseFeedDate({ $: { type: 'x' } })).toBeUndefined();
  });
});

describe('cleanText and categoryNames', () => {
  it('strips tags, decodes entities and collapses whitespace', () => {
    expect(cleanText('  <b>Week&nbsp;1</b>\n &amp;  more &#8230; ')).toBe('Week 1 & more …');
    expect(cleanText({ _: 'from a node', $: { type: 'text' } })).toBe('from a node');
    expect(cleanText({ $: {} })).toBe('');
  });

  it('flattens string, node and Atom categories and drops duplicates', () => {
    const names = categoryNames([
      'Python',
      { _: ' python ' },
      { $: { term: 'week-1' } },
      { $: { term: 'x', label: 'Week 2' } },
      '',
      'Q&amp;A',
    ]);
    expect(names).toEqual(['Python', 'week-1', 'Week 2', 'Q&A']);
  });
});

describe('resolveHttpUrl', () => {
  it('resolves relative URLs and keeps only http(s)', () => {
    expect(resolveHttpUrl('../b', 'https://x.org/a/c/')).toBe('https://x.org/a/b');
    expect(resolveHttpUrl('//cdn.x.org/i.png', 'https://x.org/')).toBe('https://cdn.x.org/i.png');
    expect(resolveHttpUrl(' JavaScript:alert(1)', 'https://x.org/')).toBeUndefined();
    expect(resolveHttpUrl('file:///etc/passwd', 'https://x.org/')).toBeUndefined();
    expect(resolveHttpUrl('http://[bad', 'https://x.org/')).toBeUndefined();
    expect(resolveHttpUrl('relative', undefined)).toBeUndefined();
  });
});
