import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INDEX_FILE,
  readIndexFile,
  writeIndexFile,
} from '../../../electron/core/search/index-file';
import { SearchIndex } from '../../../electron/core/search/search-index';
import { foldText, termsOf } from '../../../electron/core/search/fold';

describe('the saved search index', () => {
  it('is written as ASCII and finds words of any script after it is read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'studyline-index-file-'));
    const index = new SearchIndex();
    const doc = { key: 'e1', kind: 'email' as const, sourceId: 's1', version: 'v1' };
    index.put(doc, { title: 'Λάμδα and 学习', body: 'Привет, мир: a café in Paris' });
    await writeIndexFile(dir, index);

    expect(isAscii(await readFile(join(dir, INDEX_FILE)))).toBe(true);
    const reread = await readIndexFile(dir);
    expect(reread?.size).toBe(1);
    const found = (word: string) => {
      const [term] = termsOf(foldText(word));
      return reread!.lookup('title', term!).length + reread!.lookup('body', term!).length;
    };
    expect(['привет', 'λάμδα', '学习', 'cafe', 'paris'].map(found)).toEqual([1, 1, 1, 1, 1]);
  });
});
