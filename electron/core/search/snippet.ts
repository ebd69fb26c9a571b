import { foldText } from './fold';
import { phraseMatcher } from './query';

/** A piece of text with the ranges (UTF-16 offsets, end exclusive) that matched. */
export interface MarkedText {
  text: string;
  marks: Array<{ start: number; end: number }>;
}

const BEFORE = 60;
const LENGTH = 200;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches any of the words at the start of a word, and marks the whole word. */
export function wordsMatcher(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined;
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})${WORD_CHAR}*`, 'gu');
}

function rangesOf(folded: string, words: RegExp | undefined, phrases: readonly string[][]) {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const phrase of phrases) {
    for (const m of folded.matchAll(phraseMatcher(phrase, 'gu'))) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (words) {
    for (const m of folded.matchAll(words)) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return merge(ranges);
}

function merge(ranges: Array<{ start: number; end: number }>) {
  ranges.sort((a, b) => a.start - b.start);
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface Matching {
  words: RegExp | undefined;
  phrases: string[][];
}

/** The whole text (a title) with every match marked; `folded` is foldText(text) when at hand. */
export function markAll(text: string, match: Matching, folded = foldText(text)): MarkedText {
  return { text, marks: rangesOf(folded, match.words, match.phrases) };
}

/**
 * About 200 characters of `text` around its first match (a phrase's, when
 * there is one), cut at spaces, with the matches inside marked; the start
 * of the text when nothing in it matched (the hit was in the title).
 */
export function snippetOf(text: string, match: Matching, folded = foldText(text)): MarkedText {
  const ranges = rangesOf(folded, match.words, match.phrases);
  const firstPhrase = firstPhraseStart(folded, match.phrases);
  const anchor = firstPhrase ?? ranges[0]?.start ?? 0;
  let start = Math.max(0, anchor - BEFORE);
  let end = Math.min(text.length, start + LENGTH);
  if (start > 0) start = snapForward(text, start, anchor);
  if (end < text.length) end = snapBack(text, end, anchor);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const marks = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start + shift, end: r.end + shift }));
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, marks };
}

function firstPhraseStart(folded: string, phrases: string[][]): number | undefined {
  const starts = phrases.map((p) => folded.search(phraseMatcher(p))).filter((i) => i >= 0);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

function snapForward(text: string, start: number, limit: number): number {
  const space = text.indexOf(' ', start);
  return space >= 0 && space < limit ? space + 1 : start;
}

function snapBack(text: string, end: number, limit: number): number {
  const space = text.lastIndexOf(' ', end);
  return space > limit ? space : end;
}
