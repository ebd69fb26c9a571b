/** Prefix completions offered for one typed word (the shortest first: closest to what was typed). */
const MAX_COMPLETIONS = 6;
/** Words one typo away, for one typed word. */
const MAX_TYPO_MATCHES = 4;
/** A typo is forgiven only in words this long: shorter words have too many neighbours. */
export const TYPO_MIN_LENGTH = 5;
export const PREFIX_MIN_LENGTH = 2;

/**
 * Every term the index has seen, to widen a typed word into the indexed
 * words it may mean: completions ("spira" → "spiral") and words one typo away
 * ("dictonary" → "dictionary"). Terms of removed items stay until the next
 * full rebuild; they only cost a lookup that finds nothing.
 */
export class Vocabulary {
  private readonly terms = new Set<string>();
  private sorted?: string[];
  private byLength?: Map<number, string[]>;

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.terms.add(term);
  }

  get size(): number {
    return this.terms.size;
  }

  add(term: string): void {
    if (this.terms.has(term)) return;
    this.terms.add(term);
    this.sorted = undefined;
    this.byLength = undefined;
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  all(): IterableIterator<string> {
    return this.terms.values();
  }

  /** Longer words starting with `prefix`, shortest first. */
  completions(prefix: string): string[] {
    if (prefix.length < PREFIX_MIN_LENGTH) return [];
    const sorted = (this.sorted ??= [...this.terms].sort());
    const found: string[] = [];
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const term = sorted[i]!;
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) found.push(term);
    }
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_COMPLETIONS);
  }

  /** Known words one edit away (a letter missing, extra, wrong, or two swapped). */
  typoMatches(word: string): string[] {
    if (word.length < TYPO_MIN_LENGTH) return [];
    this.byLength ??= groupByLength(this.terms);
    const found: string[] = [];
    for (const length of [word.length, word.length - 1, word.length + 1]) {
      for (const term of this.byLength.get(length) ?? []) {
        if (term !== word && withinOneEdit(word, term)) found.push(term);
        if (found.length >= MAX_TYPO_MATCHES) return found;
      }
    }
    return found;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function groupByLength(terms: Iterable<string>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const term of terms) {
    const group = groups.get(term.length);
    if (group) group.push(term);
    else groups.set(term.length, [term]);
  }
  return groups;
}

/** Damerau–Levenshtein distance ≤ 1, in one pass. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
