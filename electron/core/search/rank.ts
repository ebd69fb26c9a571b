import type { ParsedQuery, QueryTerm } from './query';
import type { Field, IndexedDoc, SearchIndex } from './search-index';

export interface Candidate {
  number: number;
  doc: IndexedDoc;
  score: number;
}

const ABSENT = 2;
const IN_TITLE = 1;
const EXACT = 2;

/** Where one query word matched, per entry number: typed arrays, since common words match thousands. */
interface TermMatches {
  /** 0 for the engine's best hit, towards 1 for its last; ABSENT where the word is not found. */
  place: Float32Array;
  flags: Uint8Array;
  /** Entry numbers that matched, each once. */
  numbers: number[];
}

/** The words a typed word may stand for: itself first, then completions, then one-typo neighbours. */
export function alternativesOf(index: SearchIndex, query: QueryTerm): string[] {
  if (query.exactOnly) return [query.term];
  const words = [query.term, ...index.vocabulary.completions(query.term)];
  for (const word of index.vocabulary.typoMatches(query.term)) {
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

function matchesOf(index: SearchIndex, query: QueryTerm): TermMatches {
  const size = index.numberLimit;
  const matches: TermMatches = {
    place: new Float32Array(size).fill(ABSENT),
    flags: new Uint8Array(size),
    numbers: [],
  };
  const words = alternativesOf(index, query);
  for (const field of ['title', 'body'] as Field[]) {
    for (const word of words) {
      const found = index.lookup(field, word);
      const flags = (field === 'title' ? IN_TITLE : 0) | (word === query.term ? EXACT : 0);
      for (let i = 0; i < found.length; i++) {
        const number = found[i]!;
        const place = i / found.length;
        if (matches.place[number] === ABSENT) matches.numbers.push(number);
        if (place < matches.place[number]!) matches.place[number] = place;
        matches.flags[number]! |= flags;
      }
    }
  }
  return matches;
}

/**
 * Entries holding every word of the query (each as typed, completed, or
 * one typo away), ranked: words in the title first, then words exactly as
 * typed, then where the engine places them (earlier in the text is better).
 * Phrases are checked afterwards, against the text (see find-hits).
 */
export function rankCandidates(index: SearchIndex, query: ParsedQuery): Candidate[] {
  if (query.terms.length === 0) return [];
  const perTerm = query.terms.map((term) => matchesOf(index, term));
  perTerm.sort((a, b) => a.numbers.length - b.numbers.length);
  const terms = perTerm.length;
  const ranked: Candidate[] = [];
  for (const number of perTerm[0]!.numbers) {
    let titleWords = 0;
    let exactWords = 0;
    let place = 0;
    let all = true;
    for (const matches of perTerm) {
      const at = matches.place[number]!;
      if (at === ABSENT) {
        all = false;
        break;
      }
      const flags = matches.flags[number]!;
      titleWords += flags & IN_TITLE;
      exactWords += (flags & EXACT) >> 1;
      place += at;
    }
    const doc = all ? index.doc(number) : undefined;
    if (!doc) continue;
    const score = (4 * titleWords + 2 * exactWords + terms - place) / terms;
    ranked.push({ number, doc, score });
  }
  return ranked.sort((a, b) => b.score - a.score || b.number - a.number);
}
