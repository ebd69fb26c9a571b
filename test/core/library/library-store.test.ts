import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { nodeFs } from '../../../electron/core/library/durable-fs';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceFile } from '../../../electron/core/library/model';
import { countingFs, diskFillingFs, listNames, tempDir } from './helpers';

function sourceFile(id: string, titles: string[], title = 'r/learnpython'): SourceFile {
  return {
    schemaVersion: 1,
    source: { id, url: `https://example.org/${id}.rss`, kind: 'group', title },
    items: titles.map((t, i) => ({
      id: `${id}-${i}`,
      key: `k${i}`,
      title: t,
      html: `<p>${t}</p>`,
      categories: [],
      images: [],
      contentHash: `h${i}`,
      firstSeenAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
    })),
  };
}

const titlesOf = (file: SourceFile | undefined) => file?.items.map((i) => i.title);

async function rejection(promise: Promise<unknown>): Promise<StudylineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudylineError);
  return error as StudylineError;
}

describe('LibraryStore', () => {
  it('saves sources and opens them again in a new session', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['Week 1', 'Week 2']));
    await store.save(sourceFile('stats', ['Lesson A']));

    const again = await LibraryStore.open(dataDir);
    expect(await again.listSourceIds()).toEqual(['python', 'stats']);
    expect(titlesOf(await again.get('python'))).toEqual(['Week 1', 'Week 2']);
    expect((await again.loadAll()).map((f) => f.source.id)).toEqual(['python', 'stats']);
    expect(await again.get('missing')).toBeUndefined();
  });

  it('reads a source from disk once, then serves it from memory', async () => {
    const dataDir = await tempDir();
    await (await LibraryStore.open(dataDir)).save(sourceFile('python', ['Week 1']));
    let reads = 0;
    const store = await LibraryStore.open(dataDir, {
      fs: { ...nodeFs, readFile: (f, e) => ((reads += 1), nodeFs.readFile(f, e)) },
    });
    const [a, b] = await Promise.all([store.get('python'), store.get('python')]);
    expect(await store.get('python')).toBe(a);
    expect(b).toBe(a);
    expect(reads).toBe(1);
  });

  it('coalesces a burst of saves of one source into one write of the latest version', async () => {
    const dataDir = await tempDir();
    const fs = countingFs();
    const store = await LibraryStore.open(dataDir, { fs });
    const saves = [1, 2, 3, 4, 5].map((n) => store.save(sourceFile('python', [`version ${n}`])));
    expect(titlesOf(await store.get('python'))).toEqual(['version 5']);
    await Promise.all(saves);
    expect(fs.writes()).toBe(1);
    const onDisk = JSON.parse(
      await readFile(path.join(dataDir, 'library', 'python.json'), 'utf8'),
    ) as SourceFile;
    expect(titlesOf(onDisk)).toEqual(['version 5']);
  });

  it('coalesces saves made while a write is running into one more write', async () => {
    const dataDir = await tempDir();
    const counting = countingFs();
    let writeStarted!: () => void;
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    const fs = {
      ...counting,
      open: (file: string, flags: string) => (writeStarted(), counting.open(file, flags)),
    };
    const store = await LibraryStore.open(dataDir, { fs });
    const first = store.save(sourceFile('python', ['v1']));
    await started;
    const later = [2, 3, 4].map((n) => store.save(sourceFile('python', [`v${n}`])));
    await Promise.all([first, ...later]);
    expect(counting.writes()).toBe(2);
    expect(titlesOf(await (await LibraryStore.open(dataDir)).get('python'))).toEqual(['v4']);
  });

  it('never rewrites other sources when one is saved', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['Week 1']));
    await store.save(sourceFile('stats', ['Lesson A']));
    const statsFile = path.join(dataDir, 'library', 'stats.json');
    const before = await stat(statsFile);
    await store.save(sourceFile('python', ['Week 1', 'Week 2']));
    await store.flush();
    const after = await stat(statsFile);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('lists only real source files, not backups, temp or damaged files', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['a']));
    await store.save(sourceFile('python', ['b']));
    const lib = path.join(dataDir, 'library');
    for (const name of ['x.json.tmp', 'y.json.corrupt-2026', 'Upper.json', 'notes.txt']) {
      await writeFile(path.join(lib, name), '{}');
    }
    expect(await store.listSourceIds()).toEqual(['python']);
  });

  it.each(['../escape', 'Python', 'a/b', '', '.hidden', 'a b', 'x'.repeat(121)])(
    'refuses the unsafe source id %j',
    async (id) => {
      const dataDir = await tempDir();
      const store = await LibraryStore.open(dataDir);
      expect((await rejection(store.get(id))).code).toBe('invalid-input');
      await expect(store.save(sourceFile(id, []))).rejects.toThrow(/is not a valid source id/);
      await expect(store.delete(id)).rejects.toThrow(StudylineError);
      expect(await listNames(path.join(dataDir, 'library'))).toEqual([]);
      expect(await listNames(dataDir)).toEqual(['library']);
    },
  );

  it('deletes a source with its last good copy', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['a']));
    await store.save(sourceFile('python', ['b']));
    await store.save(sourceFile('stats', ['c']));
    await store.delete('python');
    expect(await store.listSourceIds()).toEqual(['stats']);
    expect(await store.get('python')).toBeUndefined();
    expect(await listNames(path.join(dataDir, 'library'))).toEqual(['stats.json']);
  });

  it('keeps the saved version when the disk is full, and names the feed', async () => {
    const dataDir = await tempDir();
    await (await LibraryStore.open(dataDir)).save(sourceFile('python', ['Week 1']));
    const store = await LibraryStore.open(dataDir, { fs: diskFillingFs('ENOSPC') });
    await store.get('python');

    const error = await rejection(store.save(sourceFile('python', ['Week 1', 'Week 2'])));
    expect(error.message).toBe('The disk is full, so the feed "r/learnpython" could not be saved.');
    expect(titlesOf(await store.get('python'))).toEqual(['Week 1']);
    expect(titlesOf(await (await LibraryStore.open(dataDir)).get('python'))).toEqual(['Week 1']);
  });

  it('restores a damaged source from its last good copy and says so, naming the feed by its title', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['Week 1']));
    await store.save(sourceFile('python', ['Week 1', 'Week 2']));
    const file = path.join(dataDir, 'library', 'python.json');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 100));

    const notices: string[] = [];
    const reopened = await LibraryStore.open(dataDir, { onNotice: (m) => notices.push(m) });
    expect(titlesOf(await reopened.get('python'))).toEqual(['Week 1']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^The file holding the feed "r\/learnpython" was damaged; Studyline restored/,
    );
  });

  it('opens the rest of the library when one source is damaged beyond repair or too new', async () => {
    const dataDir = await tempDir();
    const store = await LibraryStore.open(dataDir);
    await store.save(sourceFile('python', ['Week 1']));
    const lib = path.join(dataDir, 'library');
    await writeFile(path.join(lib, 'broken.json'), '{"schemaVersion":1,"source":');
    await writeFile(path.join(lib, 'future.json'), '{"schemaVersion":99,"whatever":true}');

    const notices: string[] = [];
    const reopened = await LibraryStore.open(dataDir, { onNotice: (m) => notices.push(m) });
    expect((await reopened.loadAll()).map((f) => f.source.id)).toEqual(['python']);
    expect(notices.join('\n')).toMatch(/"broken" is damaged and there is no good copy/);
    expect(notices.join('\n')).toMatch(/"future" was written by a newer version of Studyline/);
    expect((await listNames(lib)).some((n) => n.startsWith('broken.json.corrupt-'))).toBe(true);
    expect(await readFile(path.join(lib, 'future.json'), 'utf8')).toBe(
      '{"schemaVersion":99,"whatever":true}',
    );
  });
});

describe('LibraryStore.remember', () => {
  it('keeps a timestamp-only change in memory and writes it on close, not before', async () => {
    const dir = await tempDir();
    const fs = countingFs();
    const store = await LibraryStore.open(dir, { fs });
    await store.save(sourceFile('learnpython', ['a', 'b']));
    const written = fs.writes();
    const synced = sourceFile('learnpython', ['a', 'b']);
    synced.source.lastSyncAt = '2026-11-28T12:00:00.000Z';
    store.remember(synced);
    await store.flush();
    expect(fs.writes()).toBe(written);
    expect((await store.get('learnpython'))?.source.lastSyncAt).toBe('2026-11-28T12:00:00.000Z');
    await store.close();
    expect(fs.writes()).toBe(written + 1);
    const reopened = await LibraryStore.open(dir);
    expect((await reopened.get('learnpython'))?.source.lastSyncAt).toBe('2026-11-28T12:00:00.000Z');
  });

  it('lets a later save replace what it kept', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const synced = sourceFile('learnpython', ['a']);
    synced.source.lastSyncAt = '2026-11-28T12:00:00.000Z';
    store.remember(synced);
    await store.save(sourceFile('learnpython', ['a', 'new post']));
    await store.close();
    const reopened = await LibraryStore.open(dir);
    expect(titlesOf(await reopened.get('learnpython'))).toEqual(['a', 'new post']);
  });
});

describe('LibraryStore.saveSoon (the pages of a sync)', () => {
  /** Longer than any test: a write that waited for it would time the test out. */
  const AN_HOUR = 3_600_000;
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const onDisk = async (dir: string) => titlesOf(await (await LibraryStore.open(dir)).get('seq'));

  it('shows every page at once and writes the burst together, once', async () => {
    const dir = await tempDir();
    const fs = countingFs();
    const store = await LibraryStore.open(dir, { fs, saveSoonMs: AN_HOUR });
    for (const page of [['1'], ['1', '2'], ['1', '2', '3']]) {
      void store.saveSoon(sourceFile('seq', page));
      expect(titlesOf(await store.get('seq'))).toEqual(page);
    }
    await turns(5);
    expect(fs.writes()).toBe(0);
    await store.flush();
    expect(fs.writes()).toBe(1);
    expect(await onDisk(dir)).toEqual(['1', '2', '3']);
  });

  it('writes on its own once the wait is over', async () => {
    const dir = await tempDir();
    const fs = countingFs();
    const store = await LibraryStore.open(dir, { fs, saveSoonMs: 20 });
    const first = store.saveSoon(sourceFile('seq', ['1']));
    const second = store.saveSoon(sourceFile('seq', ['1', '2']));
    await Promise.all([first, second]);
    expect(fs.writes()).toBe(1);
    expect(await onDisk(dir)).toEqual(['1', '2']);
  });

  it('does not hold back a save() that follows (the end of a sync), nor a removal', async () => {
    const dir = await tempDir();
    const fs = countingFs();
    const store = await LibraryStore.open(dir, { fs, saveSoonMs: AN_HOUR });
    void store.saveSoon(sourceFile('seq', ['1']));
    await store.save(sourceFile('seq', ['1', '2']));
    expect(fs.writes()).toBe(1);
    expect(await onDisk(dir)).toEqual(['1', '2']);
    void store.saveSoon(sourceFile('seq', ['1', '2', '3']));
    await store.delete('seq');
    expect(await listNames(path.join(dir, 'library'))).toEqual([]);
  });

  it('does not hold back a save() made while an earlier write is still running', async () => {
    const dir = await tempDir();
    let writeStarted!: () => void;
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    const fs = {
      ...nodeFs,
      open: (file: string, flags: string) => (writeStarted(), nodeFs.open(file, flags)),
    };
    const store = await LibraryStore.open(dir, { fs, saveSoonMs: AN_HOUR });
    const first = store.save(sourceFile('seq', ['1']));
    await started;
    void store.saveSoon(sourceFile('seq', ['1', '2']));
    const last = store.save(sourceFile('seq', ['1', '2', '3']));
    await Promise.all([first, last]);
    expect(await onDisk(dir)).toEqual(['1', '2', '3']);
  });
});
