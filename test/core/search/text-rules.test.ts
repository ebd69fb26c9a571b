import { describe, expect, it } from 'vitest';
import { foldText, termsOf } from '../../../electron/core/search/fold';
import { htmlText } from '../../../electron/core/search/item-text';
import { parseQuery } from '../../../electron/core/search/query';
import { snippetOf, wordsMatcher } from '../../../electron/core/search/snippet';
import { Vocabulary, withinOneEdit } from '../../../electron/core/search/vocabulary';

describe('folding', () => {
  it('drops case and accents and keeps every character in its place', () => {
    const text = 'Été NAÏVE, İstanbul, Straße 🐢 한국어';
    const folded = foldText(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('ete naive, istanbul, straße 🐢 한국어');
  });

  it('makes a decomposed accent one word with its letter', () => {
    expect(termsOf(foldText('cafe\u0301 e\u0301te\u0301'))).toEqual(['cafe', 'ete']);
  });

  it('indexes words of two letters or more, and numbers', () => {
    expect(termsOf('a 6 of python 3.12 x')).toEqual(['6', 'of', 'python', '3', '12']);
  });
});

describe('queries', () => {
  it('splits words and quoted phrases; quoted words match exactly', () => {
    expect(parseQuery('Turtle “same LINE” spira')).toEqual({
      terms: [
        { term: 'same', exactOnly: true },
        { term: 'line', exactOnly: true },
        { term: 'turtle', exactOnly: false },
        { term: 'spira', exactOnly: false },
      ],
      phrases: [['same', 'line']],
    });
  });
});

describe('vocabulary', () => {
  const vocabulary = new Vocabulary(['spiral', 'spirals', 'spin', 'dictionary', 'dictionaries']);

  it('completes a prefix, shortest first', () => {
    expect(vocabulary.completions('spi')).toEqual(['spin', 'spiral', 'spirals']);
    expect(vocabulary.completions('s')).toEqual([]);
  });

  it('knows words one typo away', () => {
    expect(vocabulary.typoMatches('dictonary')).toEqual(['dictionary']);
    expect(vocabulary.typoMatches('dictoinary')).toEqual(['dictionary']);
    expect(vocabulary.typoMatches('spirl')).toEqual(['spiral']);
    expect(vocabulary.typoMatches('spn')).toEqual([]);
  });

  it('measures one edit exactly', () => {
    expect(withinOneEdit('turtle', 'turtel')).toBe(true);
    expect(withinOneEdit('turtle', 'turtles')).toBe(true);
    expect(withinOneEdit('turtle', 'tutle')).toBe(true);
    expect(withinOneEdit('turtle', 'tortel')).toBe(false);
  });
});

describe('text of stored HTML', () => {
  it('keeps what is read: no tags, attributes, scripts; entities decoded', () => {
    const html =
      '<p>Fish &amp; <b>chi</b>ps</p><ul><li>one</li><li>two</li></ul><a href="https://x.example/secret" title="hidden">link</a><style>p{}</style>';
    expect(htmlText(html)).toBe('Fish & chips one two link');
  });
});

describe('snippets', () => {
  it('cuts around the first match at spaces and marks every match inside', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(6)}The turtle draws a spiral, turtle again. ${'End. '.repeat(60)}`;
    const snippet = snippetOf(text, { words: wordsMatcher(['turtle']), phrases: [] });
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThan(210);
    expect(snippet.marks.map((m) => snippet.text.slice(m.start, m.end))).toEqual([
      'turtle',
      'turtle',
    ]);
  });
});
