import { chmod, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import {
  DurableJsonFile,
  type DurableJsonOptions,
} from '../../../electron/core/library/durable-json';
import { nodeFs } from '../../../electron/core/library/durable-fs';
import { diskFillingFs, fsError, listNames, readOnlyFs, tempDir } from './helpers';

interface Doc {
  schemaVersion: number;
  notes: string[];
}

const defaults = (): Doc => ({ schemaVersion: 1, notes: [] });
const notesIn = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as Doc).notes;

function adapter(file: string, extra: Partial<DurableJsonOptions<Doc>> = {}) {
  return new DurableJsonFile<Doc>(file, {
    label: 'your progress',
    schemaVersion: 1,
    isValid: (data) => Array.isArray(data.notes),
    ...extra,
  });
}

async function setup(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  return { dir, file: path.join(dir, 'progress.json') };
}

async function saveTwice(file: string): Promise<void> {
  const db = new Low(adapter(file), defaults());
  await db.read();
  await db.update((d) => d.notes.push('first'));
  await db.update((d) => d.notes.push('second'));
}

async function rejection(promise: Promise<unknown>): Promise<StudylineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudylineError);
  return error as StudylineError;
}

describe('DurableJsonFile', () => {
  it('round-trips data through lowdb and leaves no temp file behind', async () => {
    const { dir, file } = await setup();
    const db = new Low(adapter(file), defaults());
    await db.read();
    expect(db.data).toEqual(defaults());
    db.data.notes.push('read chapter 1');
    await db.write();

    const again = new Low(adapter(file), defaults());
    await again.read();
    expect(again.data.notes).toEqual(['read chapter 1']);
    expect(await listNames(dir)).toEqual(['progress.json']);
  });

  it('keeps the previous version as .bak, as a second name rather than a copy', async () => {
    const { file } = await setup();
    const db = new Low(adapter(file), defaults());
    await db.read();
    await db.update((d) => d.notes.push('first'));
    const firstInode = (await stat(file)).ino;
    await db.update((d) => d.notes.push('second'));

    expect(await notesIn(`${file}.bak`)).toEqual(['first']);
    expect(await notesIn(file)).toEqual(['first', 'second']);
    expect((await stat(`${file}.bak`)).ino).toBe(firstInode);
  });

  it.each([
    ['truncated', (good: string) => good.slice(0, good.length - 7)],
    ['zero bytes', () => ''],
    ['garbage', () => '\u0000\u0000PK\u0003 not json at all'],
    ['valid JSON of the wrong shape', () => '[1,2,3]'],
  ])(
    'restores a %s file from .bak and tells the learner when that copy was made',
    async (_, damage) => {
      const { dir, file } = await setup();
      await saveTwice(file);
      const good = await readFile(file, 'utf8');
      await writeFile(file, damage(good));
      await utimes(`${file}.bak`, new Date(2026, 10, 28, 14, 2), new Date(2026, 10, 28, 14, 2));

      const notices: string[] = [];
      const db = new Low(adapter(file, { onRestored: (m) => notices.push(m) }), defaults());
      await db.read();

      expect(db.data.notes).toEqual(['first']);
      expect(notices).toEqual([
        'The file holding your progress was damaged; Studyline restored the last good copy from 28 Nov 2026 14:02.',
      ]);
      expect(await notesIn(file)).toEqual(['first']);
      const aside = (await listNames(dir)).filter((n) => n.startsWith('progress.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(await readFile(path.join(dir, aside[0]!), 'utf8')).toBe(damage(good));
    },
  );

  it('refuses a damaged file with no good copy, and keeps it aside rather than resetting', async () => {
    const { dir, file } = await setup();
    await writeFile(file, '{"schemaVersion":1,"notes":["only cop');

    const error = await rejection(adapter(file).read());
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('your progress');
    const names = await listNames(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^progress\.json\.corrupt-/);
    expect(await readFile(path.join(dir, names[0]!), 'utf8')).toBe(
      '{"schemaVersion":1,"notes":["only cop',
    );
    expect(error.hint).toContain(names[0]);
  });

  it('refuses when the .bak is damaged too', async () => {
    const { file } = await setup();
    await writeFile(file, '');
    await writeFile(`${file}.bak`, '{"schemaVer');
    expect((await rejection(adapter(file).read())).code).toBe('corrupt');
  });

  it('opens the .bak when only the .bak exists (a crash between the two renames)', async () => {
    const { file } = await setup();
    await writeFile(`${file}.bak`, JSON.stringify({ schemaVersion: 1, notes: ['kept'] }));
    const notices: string[] = [];
    const db = new Low(adapter(file, { onRestored: (m) => notices.push(m) }), defaults());
    await db.read();
    expect(db.data.notes).toEqual(['kept']);
    await db.update((d) => d.notes.push('more'));
    expect(await notesIn(file)).toEqual(['kept', 'more']);
    expect(await notesIn(`${file}.bak`)).toEqual(['kept']);
  });

  it('keeps a .bak on drives without hard links (FAT, some network shares)', async () => {
    const { dir, file } = await setup();
    const noLinks = {
      ...nodeFs,
      link: async () => Promise.reject(fsError('EPERM')),
    };
    const db = new Low(adapter(file, { fs: noLinks }), defaults());
    await db.read();
    await db.update((d) => d.notes.push('first'));
    await db.update((d) => d.notes.push('second'));
    expect(await notesIn(`${file}.bak`)).toEqual(['first']);
    expect(await notesIn(file)).toEqual(['first', 'second']);
    expect(await listNames(dir)).toEqual(['progress.json', 'progress.json.bak']);
  });

  it('refuses a file from a newer Studyline and never overwrites it', async () => {
    const { file } = await setup();
    const newer = JSON.stringify({ schemaVersion: 7, notes: ['from the future'], extra: true });
    await writeFile(file, newer);
    const file1 = adapter(file);

    const error = await rejection(file1.read());
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('was written by a newer version of Studyline');
    expect((await rejection(file1.write(defaults()))).code).toBe('newer-version');
    expect((await rejection(adapter(file).write(defaults()))).code).toBe('newer-version');
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('upgrades an older file through migrate', async () => {
    const { file } = await setup();
    await writeFile(file, JSON.stringify({ schemaVersion: 1, notes: ['a'] }));
    const seen: number[] = [];
    const v2 = adapter(file, {
      schemaVersion: 2,
      migrate: (data, from) => {
        seen.push(from);
        return { ...(data as Doc), schemaVersion: 2, notes: [...(data as Doc).notes, 'migrated'] };
      },
    });
    expect(await v2.read()).toEqual({ schemaVersion: 2, notes: ['a', 'migrated'] });
    expect(seen).toEqual([1]);
  });

  it('never lets a damaged file push the last good copy out of .bak', async () => {
    const { file } = await setup();
    await saveTwice(file);
    await writeFile(file, 'garbage');
    await adapter(file).write({ schemaVersion: 1, notes: ['new'] });
    expect(await notesIn(`${file}.bak`)).toEqual(['first']);
    expect(await notesIn(file)).toEqual(['new']);
  });
});

describe('DurableJsonFile when the disk fails', () => {
  it('keeps what was saved when the disk fills up mid-write, and says so plainly', async () => {
    const { dir, file } = await setup();
    await saveTwice(file);
    const before = await readFile(file, 'utf8');
    const backup = await readFile(`${file}.bak`, 'utf8');

    const full = adapter(file, { fs: diskFillingFs('ENOSPC') });
    await full.read();
    const error = await rejection(full.write({ schemaVersion: 1, notes: ['x'.repeat(10_000)] }));
    expect(error.code).toBe('disk');
    expect(error.message).toBe('The disk is full, so your progress could not be saved.');
    expect(error.hint).toContain('what was saved before is unchanged');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(backup);
    expect(await listNames(dir)).toEqual(['progress.json', 'progress.json.bak']);
  });

  it.each([
    ['EROFS', 'The disk is read-only, so your progress could not be saved.'],
    ['EACCES', 'Studyline is not allowed to write your progress.'],
  ])('reports a read-only folder (%s) without touching saved data', async (code, message) => {
    const { file } = await setup();
    await saveTwice(file);
    const before = await readFile(file, 'utf8');
    const error = await rejection(adapter(file, { fs: readOnlyFs(code) }).write(defaults()));
    expect(error.message).toBe(message);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('says a used-up disk quota in words, without touching saved data', async () => {
    const { dir, file } = await setup();
    await saveTwice(file);
    const before = await readFile(file, 'utf8');
    const error = await rejection(adapter(file, { fs: diskFillingFs('EDQUOT') }).write(defaults()));
    expect(error.fullMessage).toBe(
      'Your disk quota is used up, so your progress could not be saved. ' +
        'Free some space in your account (or ask for a larger quota) and try again; ' +
        'what was saved before is unchanged.',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await listNames(dir)).toEqual(['progress.json', 'progress.json.bak']);
  });

  it('keeps saved data when the final rename fails', async () => {
    const { dir, file } = await setup();
    await saveTwice(file);
    const before = await readFile(file, 'utf8');
    const failing = adapter(file, {
      fs: {
        ...nodeFs,
        rename: async (from, to) => {
          if (to === file) throw fsError('EIO');
          return nodeFs.rename(from, to);
        },
      },
    });
    const error = await rejection(failing.write(defaults()));
    expect(error.message).toMatch(/^Could not save your progress: EIO/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await listNames(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('says it cannot read a file it is not allowed to read', async () => {
    const { file } = await setup();
    await saveTwice(file);
    const denied = adapter(file, {
      fs: { ...nodeFs, readFile: async () => Promise.reject(fsError('EACCES')) },
    });
    const error = await rejection(denied.read());
    expect(error.message).toBe('Studyline is not allowed to read your progress.');
  });

  it.skipIf(process.getuid?.() === 0)(
    'cannot write into a chmod-ed read-only folder (not as root)',
    async () => {
      const { dir, file } = await setup();
      await saveTwice(file);
      const before = await readFile(file, 'utf8');
      await chmod(dir, 0o555);
      try {
        const error = await rejection(adapter(file).write(defaults()));
        expect(error.message).toBe('Studyline is not allowed to write your progress.');
        expect(await readFile(file, 'utf8')).toBe(before);
      } finally {
        await chmod(dir, 0o755);
      }
    },
  );
});
