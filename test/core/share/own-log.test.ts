import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/share/hlc';
import { OwnLog } from '../../../electron/core/share/own-log';
import { parseLog, recordsOf, type LogRecord } from '../../../electron/core/share/share-log';

const self = { device: 'laptop0001', name: 'laptop' };
const done = (n: number): LogRecord => ({
  stamp: makeStamp({ wall: Date.UTC(2026, 10, 30, 9, n), counter: 0 }),
  key: `e/seq.e${n}/d`,
  value: `2026-11-30T09:0${n}:00.000Z`,
});

describe('this computer’s own log', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'studyline-own-log-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('drops a torn last line before appending, keeping every earlier line as it was', async () => {
    const log = new OwnLog(folder, self);
    await log.append([done(1)]);
    await log.append([done(2)]);
    const whole = await readFile(log.file, 'utf8');
    // A crash in the middle of the third append, seen by a fresh start of the app.
    await writeFile(log.file, whole + '0badc0de [1,"e/seq');
    await new OwnLog(folder, self).append([done(3)]);

    const text = await readFile(log.file, 'utf8');
    expect(text.startsWith(whole)).toBe(true);
    const parsed = parseLog(text);
    expect(parsed.incomplete).toBe(false);
    expect(recordsOf(parsed).map((x) => x.key)).toEqual(['e/seq.e1/d', 'e/seq.e2/d', 'e/seq.e3/d']);
  });

  it('starts its own file over when another computer’s log sits under its name', async () => {
    const other = new OwnLog(folder, { device: 'desktop001', name: 'desktop' });
    await other.append([done(1)]);
    const mine = new OwnLog(folder, self);
    await writeFile(mine.file, await readFile(other.file));
    await mine.append([done(2)]);
    const parsed = parseLog(await readFile(mine.file));
    expect(parsed.header).toEqual(self);
    expect(recordsOf(parsed).map((x) => x.key)).toEqual(['e/seq.e2/d']);
  });
});
