import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, type DataLock } from '../../electron/core/library/data-lock';
import { ProgressStore } from '../../electron/core/library/progress-store';
import { startCliEnv, type CliEnv } from './cli-env';

let t: CliEnv;
beforeEach(async () => {
  t = await startCliEnv();
});
afterEach(() => t.close());

interface Status {
  notices: { message: string }[];
  courses: { id: string }[];
}

async function status(): Promise<Status> {
  const result = await t.cli('--json', 'status');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Status;
}

function matching(notices: { message: string }[], pattern: RegExp): string[] {
  return notices.map((n) => n.message).filter((m) => pattern.test(m));
}

/** Every file of the data folder with its bytes: to prove a command wrote nothing. */
async function snapshotFolder(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(t.dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(file, await readFile(file, 'base64'));
  }
  return files;
}

/** Follows the course, syncs it and saves a plan twice, so progress.json has a last good copy. */
async function followedLibrary(): Promise<void> {
  expect((await t.cli('follow', 'seq21oct13')).code).toBe(0);
  expect((await t.cli('sync')).code).toBe(0);
  expect((await t.cli('plan', 'seq21oct13', '--start', '2026-12-01')).code).toBe(0);
  expect((await t.cli('plan', 'seq21oct13', '--per-week', '2')).code).toBe(0);
}

async function emailIds(): Promise<string[]> {
  const list = JSON.parse((await t.cli('--json', 'emails', 'seq21oct13')).stdout) as {
    id: string;
  }[];
  return list.map((e) => e.id);
}

async function archiveFile(): Promise<string> {
  const names = await readdir(join(t.dataDir, 'library'));
  const name = names.find((n) => n.startsWith('mechanicalmooc') || /seq21oct13.*\.json$/.test(n));
  expect(name, names.join(', ')).toBeDefined();
  return join(t.dataDir, 'library', name!);
}

describe('damaged files and commands that only read', () => {
  it('tells a restored library file once: in the command that met it, and in status', async () => {
    await followedLibrary();
    const file = await archiveFile();
    // Its last good copy: what an earlier save of the archive left beside it.
    await copyFile(file, `${file}.bak`);
    await writeFile(file, '{"schemaVersion":1,"source":{"id":"x"},"items":[{"id"');

    const emails = await t.cli('emails', 'seq21oct13');
    expect(emails.code).toBe(0);
    expect(emails.stdout).toContain('Week 1: lesson 1');
    const told = emails.stderr
      .split('\n')
      .filter((l) => /damaged.*restored the last good copy/.test(l));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^NOTICE: The file holding the course archive ".*" was damaged; Studyline restored/,
    );

    for (let i = 0; i < 2; i += 1) {
      expect(matching((await status()).notices, /restored the last good copy/)).toHaveLength(1);
    }
    const names = await readdir(join(t.dataDir, 'library'));
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(1);
  });

  it('never creates a data folder that is not there', async () => {
    expect((await t.cli('courses')).code).toBe(0);
    expect((await t.cli('--json', 'status')).code).toBe(0);
    expect(existsSync(t.dataDir)).toBe(false);
  });

  describe('while the app holds the folder', () => {
    let lock: DataLock;
    let app: ProgressStore;

    /** The app as a test can crash it: its own lock and progress store, closed without a flush. */
    async function openApp(): Promise<void> {
      lock = await acquireDataLock(t.dataDir, 'app');
      app = await ProgressStore.open(t.dataDir);
    }

    it('repairs a damaged progress file in memory, says so, and writes nothing: the app loses nothing', async () => {
      await followedLibrary();
      await openApp();
      await app.setEmailState('before', { note: 'noted in the app before' });
      await writeFile(join(t.dataDir, 'progress.json'), '{"schemaVersion":1,"cour');
      const before = await snapshotFolder();

      const seen = await status();
      expect(seen.courses.map((c) => c.id)).toEqual(['seq21oct13']);
      const said = matching(seen.notices, /damaged/);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(
        /^The file holding your progress is damaged\. Studyline shows its last good copy from .* and changed nothing on disk: Studyline is open and using this data folder \(process \d+\)\./,
      );
      expect(await snapshotFolder()).toEqual(before);

      await app.setEmailState('after', { note: 'noted in the app after' });
      await lock.release(); // the app crashes: no flush
      const reopened = await ProgressStore.open(t.dataDir);
      expect(reopened.data.emails['before']?.note).toBe('noted in the app before');
      expect(reopened.data.emails['after']?.note).toBe('noted in the app after');
    });

    it('copies and changes nothing for a damaged journal, however many commands read it', async () => {
      await followedLibrary();
      const [first] = await emailIds();
      await openApp();
      await app.setEmailState(first!, { doneAt: '2026-11-30T10:00:00.000Z' });
      await app.setEmailState('second', { note: 'kept' });
      await damageJournal();
      const before = await snapshotFolder();
      for (const argv of [['--json', 'status'], ['courses'], ['sources']]) {
        const result = await t.cli(...argv);
        expect(result.code).toBe(0);
        expect(`${result.stdout}\n${result.stderr}`).toMatch(
          /One recent change to your progress could not be read back; Studyline shows everything else and changed nothing on disk: Studyline is open/,
        );
      }
      expect(await snapshotFolder()).toEqual(before);
      await lock.release();
    });
  });

  it.each([
    ['a line in the middle', damageJournal],
    ['its first line', damageJournalHeader],
  ])(
    'copies a journal damaged in %s once and tells it once, over three commands that only read',
    async (_where, damage) => {
      await followedLibrary();
      const [first] = await emailIds();
      // The app wrote changes to the journal and crashed before folding them into progress.json.
      const lock = await acquireDataLock(t.dataDir, 'app');
      const app = await ProgressStore.open(t.dataDir);
      await app.setEmailState(first!, { doneAt: '2026-11-30T10:00:00.000Z' });
      await app.setEmailState(first!, { doneAt: '2026-11-30T10:00:00.000Z', note: 'mine' });
      await lock.release();
      await damage();

      const raised: string[] = [];
      for (const argv of [['--json', 'status'], ['courses'], ['--json', 'emails', 'seq21oct13']]) {
        const result = await t.cli(...argv);
        expect(result.code).toBe(0);
        raised.push(...result.stderr.split('\n').filter((l) => l.startsWith('NOTICE:')));
        if (argv[1] === 'status') {
          const notices = (JSON.parse(result.stdout) as Status).notices;
          expect(matching(notices, /could not be read back/)).toHaveLength(1);
        }
      }
      expect(raised).toEqual([]);
      const copies = (await readdir(t.dataDir)).filter((n) =>
        n.startsWith('progress.journal.corrupt-'),
      );
      expect(copies).toHaveLength(1);
      expect(matching((await status()).notices, /could not be read back/)).toHaveLength(1);
    },
  );
});

/** A line in the middle of the journal that cannot be read: damage, not an interrupted append. */
async function damageJournal(): Promise<void> {
  const file = join(t.dataDir, 'progress.journal');
  const lines = (await readFile(file, 'utf8')).split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(3);
  lines.splice(1, 0, '{"e":"broken","s":{"do');
  await writeFile(file, lines.join('\n'));
}

/** The journal's first line (which snapshot it continues) cannot be read. */
async function damageJournalHeader(): Promise<void> {
  const file = join(t.dataDir, 'progress.journal');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `{"v":1,"g${text.slice(text.indexOf('\n'))}`);
}
