import { foldText, termsOf, WORD } from './fold';

/** Longer queries are cut here: nobody types more, and each word costs a lookup. */
export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_TERMS = 8;

export interface ParsedQuery {
  /** Every word that must match (folded), phrases' words included. */
  terms: QueryTerm[];
  /** Quoted phrases: folded words that must follow each other. */
  phrases: string[][];
}

export interface QueryTerm {
  term: string;
  /** Words inside quotes match exactly: no prefix, no typo. */
  exactOnly: boolean;
}

const QUOTED = /["“”„«»]([^"“”„«»]*)["“”„«»]?/g;

/**
 * A learner's query as words to match: case and accents folded, punctuation
 * and symbols (regex metacharacters, emoji) dropped, "quoted phrases" kept
 * in order. Never throws, whatever the text.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = foldText(raw.slice(0, MAX_QUERY_CHARS));
  const terms: QueryTerm[] = [];
  const phrases: string[][] = [];
  const add = (term: string, exactOnly: boolean) => {
    if (terms.length < MAX_QUERY_TERMS && !terms.some((t) => t.term === term)) {
      terms.push({ term, exactOnly });
    }
  };
  const loose = text.replace(QUOTED, (_match, inner: string) => {
    const words = [...inner.matchAll(WORD)].map((m) => m[0]);
    if (words.length > 1) phrases.push(words);
    for (const term of termsOf(inner)) add(term, true);
    return ' ';
  });
  for (const term of termsOf(loose)) add(term, false);
  return { terms, phrases };
}

/** True when the folded text holds the phrase's words one after the other. */
export function hasPhrase(foldedText: string, phrase: readonly string[]): boolean {
  return phraseMatcher(phrase).test(foldedText);
}

const matchers = new Map<string, RegExp>();

/** Words separated by anything that is not a word character; never inside a longer word. */
export function phraseMatcher(phrase: readonly string[], flags = 'u'): RegExp {
  const key = `${flags}\u0000${phrase.join('\u0000')}`;
  let regex = matchers.get(key);
  if (!regex) {
    const words = phrase.map((word) => word.replace(/[^\p{L}\p{N}\p{M}]/gu, ''));
    const body = words.join('[^\\p{L}\\p{N}\\p{M}]+');
    regex = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])`, flags);
    if (matchers.size > 200) matchers.clear();
    matchers.set(key, regex);
  }
  return regex;
}
