import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { asciiJson, nodeFs } from '../../../electron/core/library/durable-fs';
import { DurableJsonFile } from '../../../electron/core/library/durable-json';
import { tempDir } from './helpers';

// Text a course really holds: accents, curly quotes, a middle dot, CJK, an emoji
// (a surrogate pair) and a lone surrogate that a broken feed may leave behind.
const WORLDLY = 'Café “Week 2” · 学习 😀 \ud800 end';

describe('files written as ASCII and read back fast', () => {
  it('asciiJson keeps the data identical for any JSON reader and is pure ASCII', () => {
    const data = { title: WORLDLY, list: ['naïve', 'ß'], plain: 'print("hi")' };
    const text = asciiJson(JSON.stringify(data));
    expect(isAscii(Buffer.from(text, 'utf8'))).toBe(true);
    expect(JSON.parse(text)).toEqual(data);
    expect(text).toContain('\\u201cWeek 2\\u201d');
  });

  it('a durable file with worldly text is saved as ASCII and reads back unchanged', async () => {
    const file = path.join(await tempDir(), 'notes.json');
    const adapter = new DurableJsonFile<{ schemaVersion: number; notes: string[] }>(file, {
      label: 'your notes',
      schemaVersion: 1,
    });
    await adapter.write({ schemaVersion: 1, notes: [WORLDLY] });
    expect(isAscii(await readFile(file))).toBe(true);
    expect(await adapter.read()).toEqual({ schemaVersion: 1, notes: [WORLDLY] });
  });

  it('a file an older Studyline wrote in raw UTF-8 still reads as it was', async () => {
    const file = path.join(await tempDir(), 'old.json');
    const text = JSON.stringify({ schemaVersion: 1, notes: ['Café “Week 2” · 学习 😀'] });
    await writeFile(file, text, 'utf8');
    expect(await nodeFs.readFile(file, 'utf8')).toBe(text);
  });
});
