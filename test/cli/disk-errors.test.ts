import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskFillingFs, readOnlyFs } from '../core/library/helpers';
import { startCliEnv, type CliEnv } from './cli-env';

let t: CliEnv;
beforeEach(async () => {
  t = await startCliEnv(4);
});
afterEach(() => t.close());

describe('studyline on a full or read-only disk', () => {
  it('says the disk is full in words when it cannot even claim the folder, and leaves no lock', async () => {
    const result = await t.cliWith(diskFillingFs('ENOSPC'), 'follow', 'seq21oct13');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'studyline: The disk is full, so Studyline cannot save anything in its data folder. ' +
        'Free some space and try again; what was saved before is unchanged.',
    );
    expect(await readdir(t.dataDir)).toEqual([]);
  });

  it.each([
    [
      'ENOSPC',
      diskFillingFs('ENOSPC'),
      /^studyline: The disk is full, so ".*plan\.ics" could not be saved\. Free some space/,
    ],
    [
      'EDQUOT',
      diskFillingFs('EDQUOT'),
      /^studyline: Your disk quota is used up, so ".*plan\.ics" could not be saved\./,
    ],
    [
      'EROFS',
      readOnlyFs('EROFS'),
      /^studyline: The disk is read-only, so ".*plan\.ics" could not be saved\. Choose a folder you can write to and try again\.$/,
    ],
    [
      'EACCES',
      readOnlyFs('EACCES'),
      /^studyline: Studyline is not allowed to write ".*plan\.ics"\. Choose a folder you can write to/,
    ],
  ])(
    'an export on a disk that says %s keeps the older file whole and leaves no temp file',
    async (_code, fs, said) => {
      expect((await t.cli('follow', 'seq21oct13')).code).toBe(0);
      const file = join(t.dir, 'plan.ics');
      await writeFile(file, 'an older calendar');
      const result = await t.cliWith(fs, 'export-ics', 'seq21oct13', file);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(said);
      expect(await readFile(file, 'utf8')).toBe('an older calendar');
      expect((await readdir(t.dir)).filter((n) => n.includes('tmp'))).toEqual([]);
      // With room again, the same export goes through.
      expect((await t.cli('export-ics', 'seq21oct13', file)).code).toBe(0);
      expect(await readFile(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
      expect(existsSync(join(t.dataDir, 'studyline.lock'))).toBe(false);
    },
  );
});
