import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { acquireDataLock } from '../../../electron/core/library/data-lock';
import { diskFillingFs, listNames, readOnlyFs, tempDir } from './helpers';

const holderScript = path.join(import.meta.dirname, 'fixtures', 'hold-lock.ts');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A real second process holding the lock of `dataDir`. */
async function holdInChild(dataDir: string, owner: 'app' | 'cli'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir, owner], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  return child;
}

async function lockError(dataDir: string): Promise<StudylineError> {
  const error = await acquireDataLock(dataDir, 'app').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudylineError);
  return error as StudylineError;
}

async function killAndWait(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('acquireDataLock', () => {
  it('refuses while another live process holds the folder, then takes over its stale lock', async () => {
    const dir = await tempDir();
    const child = await holdInChild(dir, 'app');

    const error = await lockError(dir);
    expect(error.code).toBe('locked');
    expect(error.fullMessage).toBe(
      `Studyline is open and using this data folder (process ${child.pid}). ` +
        'Close it first, or use another folder with --data.',
    );

    await killAndWait(child);
    const lock = await acquireDataLock(dir, 'cli');
    const info: unknown = JSON.parse(await readFile(path.join(dir, 'studyline.lock'), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, owner: 'cli' });
    await lock.release();
  });

  it('names a running command as the holder', async () => {
    const dir = await tempDir();
    const child = await holdInChild(dir, 'cli');
    const error = await lockError(dir);
    expect(error.message).toBe(
      `A studyline command is using this data folder (process ${child.pid}).`,
    );
  });

  it('is exclusive within one process too, and free again once released', async () => {
    const dir = await tempDir();
    const lock = await acquireDataLock(dir, 'app');
    expect((await lockError(dir)).message).toContain(`(process ${process.pid})`);
    await lock.release();
    await expect(readFile(path.join(dir, 'studyline.lock'))).rejects.toThrow(/ENOENT/);
    await (await acquireDataLock(dir, 'app')).release();
  });

  it('takes over an unreadable lock file left by a crash', async () => {
    const dir = await tempDir();
    const lockPath = path.join(dir, 'studyline.lock');
    await writeFile(lockPath, '{"pid": 12');
    await utimes(lockPath, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = await acquireDataLock(dir, 'app');
    expect((JSON.parse(await readFile(lockPath, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    await lock.release();
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const dir = await tempDir();
    const lockPath = path.join(dir, 'studyline.lock');
    const lock = await acquireDataLock(dir, 'app');
    const someoneElse = JSON.stringify({
      pid: process.pid,
      owner: 'cli',
      at: '',
      host: '',
      token: 'theirs',
    });
    await writeFile(lockPath, someoneElse);
    await lock.release();
    expect(await readFile(lockPath, 'utf8')).toBe(someoneElse);
  });

  it.each([
    ['ENOSPC', 'The disk is full, so Studyline cannot save anything in its data folder.'],
    ['EDQUOT', 'Your disk quota is used up, so Studyline cannot save anything in its data folder.'],
  ])(
    'on a disk that fills up (%s) says so in words and leaves no lock behind',
    async (code, message) => {
      const dir = await tempDir();
      const error = await acquireDataLock(dir, 'cli', { fs: diskFillingFs(code) }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StudylineError);
      expect((error as StudylineError).code).toBe('disk');
      expect((error as StudylineError).message).toBe(message);
      expect((error as StudylineError).hint).toMatch(/Free some space.*unchanged/);
      expect(await listNames(dir)).toEqual([]);
      // Once there is room again, nothing stands in the way.
      await (await acquireDataLock(dir, 'cli')).release();
      expect(await listNames(dir)).toEqual([]);
    },
  );

  it.each([
    ['EROFS', 'The disk is read-only, so Studyline cannot save anything in its data folder.'],
    ['EACCES', 'Studyline is not allowed to write in its data folder.'],
  ])('in a folder it cannot write (%s) says so in words', async (code, message) => {
    const dir = await tempDir();
    const error = await acquireDataLock(dir, 'cli', { fs: readOnlyFs(code) }).catch(
      (e: unknown) => e,
    );
    expect((error as StudylineError).message).toBe(message);
    expect(await listNames(dir)).toEqual([]);
  });

  it('waits for a holder that lets go within waitMs', async () => {
    const dir = await tempDir();
    const first = await acquireDataLock(dir, 'cli');
    setTimeout(() => void first.release(), 300);
    const second = await acquireDataLock(dir, 'app', { waitMs: 5000 });
    const info = JSON.parse(await readFile(path.join(dir, 'studyline.lock'), 'utf8')) as unknown;
    expect(info).toMatchObject({ pid: process.pid, owner: 'app' });
    await second.release();
  });

  it('clears the takeover tickets of a process that died taking over', async () => {
    const dir = await tempDir();
    const dead = { pid: 2 ** 22 + 12345, owner: 'cli', at: '', host: '', token: 'gone' };
    await writeFile(path.join(dir, 'studyline.lock'), JSON.stringify(dead));
    await writeFile(
      path.join(dir, 'studyline.lock.takeover-gone.1'),
      JSON.stringify({ ...dead, token: 'taker' }),
    );
    const lock = await acquireDataLock(dir, 'cli');
    expect(await listNames(dir)).toEqual(['studyline.lock']);
    await lock.release();
    expect(await listNames(dir)).toEqual([]);
  });
});
