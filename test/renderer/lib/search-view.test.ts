import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/shared/types';
import { groupHits, hitsInShownOrder, markedParts } from '../../../renderer/lib/search-view';

const hit = (kind: SearchHit['kind'], id: string): SearchHit => ({
  kind,
  id,
  title: { text: id, marks: [] },
  snippet: { text: '', marks: [] },
});

describe('marked text', () => {
  it('splits text into plain and marked parts', () => {
    const parts = markedParts({
      text: 'The turtle spiral',
      marks: [
        { start: 11, end: 17 },
        { start: 4, end: 10 },
      ],
    });
    expect(parts).toEqual([
      { text: 'The ', marked: false },
      { text: 'turtle', marked: true },
      { text: ' ', marked: false },
      { text: 'spiral', marked: true },
    ]);
  });

  it('ignores ranges that overlap or fall outside the text', () => {
    const parts = markedParts({
      text: 'abc',
      marks: [
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 2, end: 9 },
      ],
    });
    expect(parts.map((p) => p.text).join('')).toBe('abc');
    expect(parts.filter((p) => p.marked)).toEqual([{ text: 'ab', marked: true }]);
  });
});

describe('grouping', () => {
  it('shows emails, then notes, then posts, keeping the ranking inside each', () => {
    const hits = [hit('group', 'g1'), hit('email', 'e1'), hit('note', 'n1'), hit('email', 'e2')];
    expect(groupHits(hits).map((g) => [g.heading, g.hits.map((h) => h.id)])).toEqual([
      ['Emails', ['e1', 'e2']],
      ['Your notes', ['n1']],
      ['Study group posts', ['g1']],
    ]);
    expect(hitsInShownOrder(hits).map((h) => h.id)).toEqual(['e1', 'e2', 'n1', 'g1']);
  });
});
