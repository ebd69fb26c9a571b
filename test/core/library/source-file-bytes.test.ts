import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import type { SourceFile, StoredItem } from '../../../electron/core/library/model';
import { sourceFileBytes } from '../../../electron/core/library/source-file-bytes';
import { tempDir } from './helpers';

function email(n: number, html = `<p>Lesson ${n}: “quotes” and café</p>`): StoredItem {
  return {
    id: `seq-${n}`,
    key: `https://example.org/?p=${n}`,
    title: `Week ${n}: naïve questions`,
    html,
    categories: ['seq21oct13'],
    images: [{ url: 'https://example.org/a.png', file: 'a.png' }],
    responses: { feedUrl: 'https://example.org/feed/', items: [], count: 2 },
    contentHash: `hash-${n}`,
    firstSeenAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
  };
}

function archive(items: StoredItem[], etag = '1'): SourceFile {
  return {
    schemaVersion: 1,
    source: { id: 'seq', url: 'https://example.org/feed/', kind: 'archive', etag },
    items,
  };
}

/** The file's text: ASCII, so each byte is one character. */
const textOf = (file: SourceFile) => Buffer.from(sourceFileBytes(file)).toString('latin1');

describe('sourceFileBytes', () => {
  it('is ASCII JSON holding exactly the source file', () => {
    const file = archive([email(1), email(2)]);
    const text = textOf(file);
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(file)));
  });

  it('writes an empty archive as one', () => {
    expect(JSON.parse(textOf(archive([])))).toEqual(archive([]));
  });

  it('writes what changed between two saves: the source, a new email version, a new email', () => {
    const first = email(1);
    sourceFileBytes(archive([first, email(2)]));
    const updated = { ...first, title: 'Week 1, corrected' };
    const text = textOf(archive([updated, email(2), email(3)], '2'));
    const read = JSON.parse(text) as SourceFile;
    expect(read.source.etag).toBe('2');
    expect(read.items.map((item) => item.title)).toEqual([
      'Week 1, corrected',
      'Week 2: naïve questions',
      'Week 3: naïve questions',
    ]);
  });

  it('refuses a change in place to an email already written (it would be saved stale)', () => {
    const saved = email(1);
    sourceFileBytes(archive([saved]));
    expect(() => {
      (saved as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => saved.images.push({ url: 'https://example.org/b.png', file: 'b.png' })).toThrow(
      TypeError,
    );
  });
});

describe('LibraryStore saving an archive page after page', () => {
  it('keeps every email on disk as the pages arrive', async () => {
    const dir = await tempDir();
    const library = await LibraryStore.open(dir);
    const items: StoredItem[] = [];
    for (let page = 0; page < 5; page++) {
      for (let n = page * 10; n < page * 10 + 10; n++) items.push(email(n));
      void library.save(archive([...items], String(page)));
    }
    await library.flush();
    const onDisk = JSON.parse(
      await readFile(path.join(dir, 'library', 'seq.json'), 'latin1'),
    ) as SourceFile;
    expect(onDisk.items).toHaveLength(50);
    expect(onDisk.items[49]?.html).toBe('<p>Lesson 49: “quotes” and café</p>');
    const reopened = await (await LibraryStore.open(dir)).get('seq');
    expect(reopened).toEqual(JSON.parse(JSON.stringify(archive(items, '4'))));
  });
});
