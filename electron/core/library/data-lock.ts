import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diskError, StudylineError } from '../errors';
import { errorCode } from './durable-fs';

export type LockOwner = 'app' | 'cli';

export interface DataLock {
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  owner: LockOwner;
  at: string;
  host: string;
  token: string;
}

const LOCK_NAME = 'studyline.lock';
// A lock file younger than this may still be being written by its creator.
const FRESH_MS = 1000;
const ATTEMPTS = 20;

/**
 * Makes this process the only writer of `dataDir`: the stores write through one
 * fixed temp name per file, so the app and the CLI must never write together.
 */
export async function acquireDataLock(dataDir: string, owner: LockOwner): Promise<DataLock> {
  const lockPath = path.join(dataDir, LOCK_NAME);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw diskError(error, 'the data folder');
  }
  const info: LockInfo = {
    pid: process.pid,
    owner,
    at: new Date().toISOString(),
    host: os.hostname(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await tryCreate(lockPath, info))
      return { release: () => releaseLock(lockPath, info.token) };
    const holder = await readLock(lockPath);
    if (holder === 'gone') continue;
    if (holder === 'fresh') {
      await delay(100);
      continue;
    }
    if (holder && isAlive(holder)) throw lockedError(holder);
    await takeOverStale(lockPath, holder);
  }
  throw new StudylineError('locked', 'Another Studyline keeps claiming this data folder.', {
    hint: 'Close other Studyline windows and commands, then try again.',
  });
}

async function tryCreate(lockPath: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw diskError(error, 'the data folder lock');
  }
  try {
    await handle.writeFile(JSON.stringify(info));
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder; undefined when unreadable and old (stale); 'fresh' when being written; 'gone' when released meanwhile. */
async function readLock(lockPath: string): Promise<LockInfo | undefined | 'gone' | 'fresh'> {
  let text: string;
  let modifiedAt: number;
  try {
    [text, modifiedAt] = await Promise.all([
      readFile(lockPath, 'utf8'),
      stat(lockPath).then((s) => s.mtimeMs),
    ]);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw diskError(error, 'the data folder lock');
  }
  const info = parseLock(text);
  if (!info && Date.now() - modifiedAt < FRESH_MS) return 'fresh';
  return info;
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    return Number.isInteger(data.pid) && data.pid! > 0 ? (data as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockInfo): boolean {
  // A pid on another machine (a shared folder) cannot be checked: assume it is alive.
  if (holder.host && holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Removes a dead process's lock, unless someone replaced it since it was read. */
async function takeOverStale(lockPath: string, seen: LockInfo | undefined): Promise<void> {
  const now = await readLock(lockPath);
  if (now === 'gone' || now === 'fresh') return;
  if (now?.token !== seen?.token || now?.pid !== seen?.pid) return;
  try {
    await unlink(lockPath);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw diskError(error, 'the data folder lock');
  }
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw diskError(error, 'the data folder lock');
  }
  if (parseLock(text)?.token !== token) return;
  await unlink(lockPath).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw diskError(error, 'the data folder lock');
  });
}

function lockedError(holder: LockInfo): StudylineError {
  const who =
    holder.owner === 'cli'
      ? `A studyline command is using this data folder (process ${holder.pid}).`
      : `Studyline is open and using this data folder (process ${holder.pid}).`;
  const hint =
    holder.owner === 'cli'
      ? 'Wait for it to finish, or use another folder with --data.'
      : 'Close it first, or use another folder with --data.';
  return new StudylineError('locked', who, { hint });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
