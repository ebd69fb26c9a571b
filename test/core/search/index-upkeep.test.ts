import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { indexPath, parseIndex } from '../../../electron/core/search/index-file';
import {
  EMAILS,
  FORUM_POSTS,
  searchPosts,
  searchWorld,
  titlesFor,
  type SearchWorld,
} from './fixtures';

let world: SearchWorld;
let core: StudylineCore;

beforeEach(async () => {
  ({ world, core } = await searchWorld());
});
afterEach(async () => {
  await core.close();
  await world.close();
});

async function reopen(options: { readOnly?: boolean } = {}): Promise<StudylineCore> {
  await core.close();
  core = await world.open(options);
  return core;
}

describe('the index follows the library', () => {
  it('takes in new and changed emails on sync, and forgets the old text', async () => {
    const edited = EMAILS.map((e) =>
      e.title.includes('Dictionaries') ? { ...e, body: '<p>Sets and frozensets instead.</p>' } : e,
    );
    world.archive.setPosts(
      searchPosts([...edited, { title: 'Week 7: Recursion', body: '<p>Fractal trees.</p>' }]),
    );
    await core.sync({ courseId: 'seq21oct13' });
    expect(await titlesFor(core, 'fractal')).toEqual(['Week 7: Recursion']);
    expect(await titlesFor(core, 'frozensets')).toEqual(['Week 3: Dictionaries']);
    expect(await titlesFor(core, 'meaning')).toEqual([]);
  });

  it('finds an email by what its readers answered under it, and takes in a new response', async () => {
    const posts = searchPosts();
    for (const post of posts) post.responses = [];
    const functions = posts.find((p) => p.title === 'Week 6: Functions')!;
    const answer = (author: string, html: string, minute: number) => ({
      author,
      html,
      date: new Date(Date.UTC(2013, 11, 1, 9, minute)).toISOString(),
    });
    functions.responses = [answer('Ana', '<p>How do I stay accountable?</p>', 0)];
    world.archive.setPosts(posts);
    await core.sync({ courseId: 'seq21oct13' });
    expect(await titlesFor(core, 'accountable')).toEqual(['Week 6: Functions']);

    functions.responses = [...functions.responses, answer('Bo', '<p>Pomodoro timers.</p>', 5)];
    world.archive.setPosts(posts);
    await core.sync({ courseId: 'seq21oct13' });
    expect(await titlesFor(core, 'pomodoro')).toEqual(['Week 6: Functions']);
  });

  it('takes in new and edited group posts', async () => {
    world.setForum([
      FORUM_POSTS[0]!,
      { title: 'IndexError with a list', text: 'Solved: it was an IndexError, not a dictionary.' },
      { title: 'Recursion depth', text: 'RecursionError in my fractal.' },
    ]);
    await core.sync({});
    expect(await titlesFor(core, 'keyerror')).toEqual([]);
    expect(await titlesFor(core, 'indexerror')).toEqual(['IndexError with a list']);
    expect(await titlesFor(core, 'recursionerror')).toEqual(['Recursion depth']);
  });

  it('finds notes as they are written, changed and cleared', async () => {
    const [email] = (await core.search({ text: 'turtle spiral', kinds: ['email'] })).hits;
    await core.setNote(email!.id, 'Remember: range() goes up to, not including, the end');
    const [note] = (await core.search({ text: 'including', kinds: ['note'] })).hits;
    expect(note).toMatchObject({ kind: 'note', id: email!.id, courseId: 'seq21oct13' });
    expect(note!.title.text).toBe('Week 2: The turtle spiral');
    await core.setNote(email!.id, 'Angles in degrees');
    expect((await core.search({ text: 'including', kinds: ['note'] })).hits).toEqual([]);
    expect((await core.search({ text: 'degrees' })).hits.map((h) => h.kind)).toEqual(['note']);
    await core.setNote(email!.id, '');
    expect((await core.search({ text: 'degrees' })).hits).toEqual([]);
  });

  it('forgets a course that is unfollowed, its group posts and notes with it', async () => {
    const [email] = (await core.search({ text: 'cafe' })).hits;
    await core.setNote(email!.id, 'croissant');
    await core.unfollow('seq21oct13');
    for (const text of ['cafe', 'croissant', 'keyerror']) {
      expect((await core.search({ text })).hits).toEqual([]);
    }
  });

  it('finds them again at once when the course is followed again (the library kept them)', async () => {
    const [email] = (await core.search({ text: 'cafe' })).hits;
    await core.setNote(email!.id, 'croissant');
    await core.unfollow('seq21oct13');
    await core.follow({ sequenceId: 'seq21oct13' });
    for (const text of ['cafe', 'croissant', 'keyerror']) {
      expect((await core.search({ text })).hits, text).not.toEqual([]);
    }
  });
});

describe('the index file', () => {
  it('is kept beside the library and opened as is when nothing changed', async () => {
    expect(await titlesFor(core, 'cafe')).toHaveLength(1);
    await reopen();
    const saved = await readFile(indexPath(world.dataDir), 'utf8');
    expect(parseIndex(saved)?.size).toBe(EMAILS.length + FORUM_POSTS.length);
    const before = await stat(indexPath(world.dataDir));
    expect(await titlesFor(core, 'cafe')).toHaveLength(1);
    await reopen();
    // Nothing was rebuilt, so nothing was written.
    expect((await stat(indexPath(world.dataDir))).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps notes written since it was last saved (they are in progress.json)', async () => {
    const [email] = (await core.search({ text: 'functions' })).hits;
    await core.setNote(email!.id, 'decorators later');
    await reopen();
    expect((await core.search({ text: 'decorators' })).hits).toHaveLength(1);
  });

  it.each([
    ['damaged', (text: string) => text.slice(0, text.length / 2)],
    ['garbage', () => '\u0000\u0001 not an index'],
    ['of an older version', (text: string) => text.replace(/^(\S+) \d+/, '$1 0')],
  ])('is rebuilt silently from the library when %s', async (_what, spoil) => {
    await reopen();
    const file = indexPath(world.dataDir);
    await writeFile(file, spoil(await readFile(file, 'utf8')));
    await reopen();
    expect(await titlesFor(core, 'ete naive')).toEqual(['Week 4: Un café, l’été']);
    expect((await core.status()).notices).toEqual([]);
    await core.close();
    expect(parseIndex(await readFile(file, 'utf8'))?.size).toBe(EMAILS.length + FORUM_POSTS.length);
    core = await world.open();
  });

  it('is never written by a read-only core, which still answers', async () => {
    await reopen();
    const file = indexPath(world.dataDir);
    await writeFile(file, 'broken');
    await reopen({ readOnly: true });
    expect(await titlesFor(core, 'cafe')).toHaveLength(1);
    await core.close();
    expect(await readFile(file, 'utf8')).toBe('broken');
    core = await world.open();
  });
});
