import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { StudylineError } from '../../../electron/core/errors';
import { nodeFs, type DurableFs } from '../../../electron/core/library/durable-fs';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { writeLoopbackCatalog } from '../../helpers/test-catalog';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';
import { diskFillingFs, readOnlyFs, tempDir } from '../library/helpers';

const CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES'] as const;
type Code = (typeof CODES)[number];

/** The learner's sentence for `code` about `what`. */
function sentence(code: Code, what: string): string {
  switch (code) {
    case 'ENOSPC':
      return `The disk is full, so ${what} could not be saved.`;
    case 'EDQUOT':
      return `Your disk quota is used up, so ${what} could not be saved.`;
    case 'EROFS':
      return `The disk is read-only, so ${what} could not be saved.`;
    case 'EACCES':
      return `Studyline is not allowed to write ${what}.`;
  }
}

/** The real disk until `broken` is set; then every write fails with `code` (a full disk after half the bytes). */
function breakableFs(code: Code): DurableFs & { broken: boolean } {
  const failing = code === 'ENOSPC' || code === 'EDQUOT' ? diskFillingFs(code) : readOnlyFs(code);
  const fs = { broken: false } as DurableFs & { broken: boolean };
  for (const key of Object.keys(nodeFs) as (keyof DurableFs)[]) {
    Object.assign(fs, {
      [key]: (...args: unknown[]) =>
        ((fs.broken ? failing : nodeFs)[key] as (...a: unknown[]) => unknown)(...args),
    });
  }
  return fs;
}

/** Every file under `dir` with its bytes. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file, 'base64'));
    }
  }
  return files;
}

async function failure(promise: Promise<unknown>): Promise<StudylineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudylineError);
  expect((error as StudylineError).code).toBe('disk');
  return error as StudylineError;
}

let server: FeedServer;
let dir: string;
let catalogPath: string;
beforeEach(async () => {
  server = await startFeedServer();
  dir = await tempDir();
  catalogPath = await writeLoopbackCatalog(dir, server.origin);
  serveArchive(server, { posts: makePosts(6) });
});
afterEach(() => server.close());

describe('a disk that fills up, or cannot be written', () => {
  it.each(CODES)(
    '%s: every write of the core says so in words, and nothing saved changes',
    async (code) => {
      const dataDir = path.join(dir, 'data');
      const fs = breakableFs(code);
      const core: StudylineCore = await openStudyline({ dataDir, owner: 'cli', catalogPath, fs });
      try {
        await core.follow({ sequenceId: 'seq21oct13' });
        await core.sync({ courseId: 'seq21oct13' });
        const [email] = await core.emails('seq21oct13');
        const backup = (await core.exportProgress()).text;
        const before = await filesOf(dataDir);

        fs.broken = true;
        const progress = sentence(code, 'your progress');
        expect((await failure(core.setNote(email!.id, 'a note'))).message).toBe(progress);
        expect((await failure(core.setDone(email!.id, true))).message).toBe(progress);
        expect((await failure(core.updateSettings({ theme: 'dark' }))).message).toBe(progress);
        const imported = await failure(core.importProgress(backup));
        expect(imported.message).toBe(sentence(code, 'a copy of your progress before the import'));
        expect(imported.hint).toBeTruthy();
        expect(await filesOf(dataDir)).toEqual(before);

        // Room again: the same changes go through.
        fs.broken = false;
        expect((await core.setNote(email!.id, 'a note')).note).toBe('a note');
      } finally {
        await core.close();
      }
    },
  );

  it.each(CODES)('%s: opening a folder to change it says so, and leaves no lock', async (code) => {
    const dataDir = path.join(dir, 'fresh');
    const fs = breakableFs(code);
    fs.broken = true;
    const error = await failure(openStudyline({ dataDir, owner: 'cli', catalogPath, fs }));
    expect(error.message).toMatch(
      code === 'EACCES'
        ? /^Studyline is not allowed to write in its data folder\.$/
        : /^(The disk is full|Your disk quota is used up|The disk is read-only), so Studyline cannot save anything in its data folder\.$/,
    );
    expect(await readdir(dataDir)).toEqual([]);
  });
});
