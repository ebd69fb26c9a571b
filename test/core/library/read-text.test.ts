import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readTextSync } from '../../../electron/core/library/read-text';
import { tempDir } from './helpers';

// Accents, curly quotes, CJK, an emoji (a surrogate pair).
const WORLDLY = 'Café “Week 2” · 学习 😀 end';

describe('reading the data folder’s files as text', () => {
  it('decodeText reads ASCII and UTF-8 bytes as the same text Node would', () => {
    for (const text of ['plain ascii {"a":1}', WORLDLY, '\ufeff{"bom":true}']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeText(bytes)).toBe(bytes.toString('utf8'));
    }
  });

  it('reads files one after another with nothing of an earlier, larger file left over', async () => {
    const dir = await tempDir();
    const files = {
      big: `{"items":"${'x'.repeat(300_000)}"}`,
      small: '{"a":1}',
      worldly: JSON.stringify({ title: WORLDLY }),
      empty: '',
      middle: `{"items":"${'y'.repeat(5_000)}"}`,
    };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(dir, `${name}.json`), text, 'utf8');
    }
    for (let round = 0; round < 2; round++) {
      for (const [name, text] of Object.entries(files)) {
        expect(readTextSync(path.join(dir, `${name}.json`))).toBe(text);
      }
    }
  });

  it.skipIf(!existsSync('/proc/version'))(
    'reads a file whose size is not known beforehand (it grows while read) to its end',
    () => {
      // Files in /proc say they are empty and then give their text: the same path as a
      // file that another program is still writing.
      expect(readTextSync('/proc/version')).toBe(readFileSync('/proc/version', 'utf8'));
    },
  );

  it('fails as reading a file does, so a missing file is told apart from a damaged one', async () => {
    const dir = await tempDir();
    expect(() => readTextSync(path.join(dir, 'missing.json'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(() => readTextSync(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
