import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import type { MarkedText } from '../../../electron/shared/types';
import { searchWorld, titlesFor, type SearchWorld } from './fixtures';

let world: SearchWorld;
let core: StudylineCore;

beforeAll(async () => {
  ({ world, core } = await searchWorld());
});
afterAll(async () => {
  await core.close();
  await world.close();
});

const marked = (text: MarkedText) => text.marks.map((m) => text.text.slice(m.start, m.end));

describe('search matches what a learner remembers', () => {
  it('ignores case and accents, both ways', async () => {
    expect(await titlesFor(core, 'cafe')).toEqual(['Week 4: Un café, l’été']);
    expect(await titlesFor(core, 'ete naive')).toEqual(['Week 4: Un café, l’été']);
    expect(await titlesFor(core, 'ÉTÉ NAÏVE')).toEqual(['Week 4: Un café, l’été']);
  });

  it('completes the word being typed', async () => {
    const hits = (await core.search({ text: 'spira' })).hits;
    expect(hits.map((h) => h.title.text).sort()).toEqual([
      'Spiral does not close',
      'Week 2: The turtle spiral',
    ]);
    expect(hits.map((h) => marked(h.title))).toContainEqual(['spiral']);
  });

  it('forgives one typo in a word of five letters or more, not in shorter words', async () => {
    expect(await titlesFor(core, 'dictonaries')).toContain('Week 3: Dictionaries');
    expect(await titlesFor(core, 'turtel')).toContain('Week 2: The turtle spiral');
    expect(await titlesFor(core, 'lopo')).toEqual([]);
  });

  it('finds a quoted phrase only where its words follow each other', async () => {
    expect(await titlesFor(core, '"stuck on the same line"')).toEqual(['Week 5: Loops again']);
    // Every word of the phrase is in week 6 too, in another order.
    expect(await titlesFor(core, 'stuck same line')).toHaveLength(2);
  });

  it('puts title hits first, then words as typed, then completions', async () => {
    const titles = await titlesFor(core, 'dictionaries');
    expect(titles[0]).toBe('Week 3: Dictionaries');
    expect(titles).toContain('Week 5: Loops again');
    const loops = await titlesFor(core, 'loop');
    expect(loops[0]).toBe('Week 5: Loops again');
  });

  it('reads the text of the email, not its tags, attributes or link addresses', async () => {
    expect(await titlesFor(core, 'secret')).toEqual([]);
    // "turtle" is in a link address and a class name of other emails: only real text counts.
    expect(await titlesFor(core, 'turtle')).toEqual([
      'Week 2: The turtle spiral',
      'Spiral does not close',
    ]);
    // Inline tags do not split a word ("<strong>spir</strong>al").
    expect(await titlesFor(core, 'spiral')).toContain('Week 2: The turtle spiral');
  });

  it('gives a snippet around the match with the matched words marked', async () => {
    const [hit] = (await core.search({ text: 'naive cafe' })).hits;
    expect(hit!.snippet.text).toContain('Été naïve: the story of a café in Paris');
    expect(marked(hit!.snippet)).toEqual(['naïve', 'café']);
  });

  it('says what each hit is: kind, course, id usable to open it, date', async () => {
    const hits = (await core.search({ text: 'spiral' })).hits;
    const email = hits.find((h) => h.kind === 'email')!;
    const post = hits.find((h) => h.kind === 'group')!;
    expect(email).toMatchObject({ courseId: 'seq21oct13', date: '2013-10-24T00:00:00.000Z' });
    expect((await core.email(email.id)).title).toBe('Week 2: The turtle spiral');
    expect(post).toMatchObject({
      courseId: 'seq21oct13',
      groupName: 'Python help forum',
      link: `${world.server.origin}/forum/t/1`,
    });
  });

  it('filters by kind and by course, and stops at the limit', async () => {
    expect((await core.search({ text: 'spiral', kinds: ['group'] })).hits).toHaveLength(1);
    await expect(core.search({ text: 'spiral', courseId: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
    });
    const limited = await core.search({ text: 'week', limit: 2 });
    expect(limited.hits).toHaveLength(2);
    expect(limited.more).toBe(true);
  });
});

describe('any text gets an answer, never a crash or a hang', () => {
  const odd = [
    '',
    '   ',
    '?!...;;',
    '.*+?^${}()|[]\\',
    '(turtle',
    'a'.repeat(10_000),
    'turtle '.repeat(1_500),
    '🐢🌀',
    'سلحفاة',
    'צב',
    '"',
    '"unclosed phrase',
    '\u0000\uD800',
  ];
  it.each(odd.map((text) => [text.slice(0, 20), text]))('%j', async (_label, text) => {
    const results = await core.search({ text });
    expect(Array.isArray(results.hits)).toBe(true);
  });

  it('explains a query of only punctuation or symbols, says nothing for an empty one', async () => {
    expect((await core.search({ text: '?!…' })).message).toMatch(/punctuation/);
    expect((await core.search({ text: '🐢' })).message).toMatch(/symbols/);
    expect((await core.search({ text: '' })).message).toBeUndefined();
  });

  it('still finds what a regex character sits next to', async () => {
    expect(await titlesFor(core, '(turtle)*')).toContain('Week 2: The turtle spiral');
  });
});
