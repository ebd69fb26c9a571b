import type { MarkedText, SearchHit, SearchKind } from '../../electron/shared/types';

export interface TextPart {
  text: string;
  marked: boolean;
}

/** Marked text as plain and marked parts, ready for <mark>; ranges out of bounds are ignored. */
export function markedParts({ text, marks }: MarkedText): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const { start, end } of [...marks].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

export const KIND_HEADINGS: Record<SearchKind, string> = {
  email: 'Emails',
  note: 'Your notes',
  group: 'Study group posts',
};

const KIND_ORDER: SearchKind[] = ['email', 'note', 'group'];

export interface HitGroup {
  kind: SearchKind;
  heading: string;
  hits: SearchHit[];
}

/** Hits grouped by kind (emails, notes, posts), each group in the core's ranking. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return KIND_ORDER.map((kind) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    hits: hits.filter((hit) => hit.kind === kind),
  })).filter((group) => group.hits.length > 0);
}

/** The hits in the order the results list shows them (by group), for arrow keys. */
export function hitsInShownOrder(hits: readonly SearchHit[]): SearchHit[] {
  return groupHits(hits).flatMap((group) => group.hits);
}

export function hitOptionId(index: number): string {
  return `search-hit-${index}`;
}
