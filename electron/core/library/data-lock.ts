import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diskError, StudylineError } from '../errors';
import { nodeFs, unlinkIfPresent, type DurableFs } from './durable-fs';
import { createExclusive, isAlive, readClaim, type Claim } from './lock-files';
import { lockDiskError, lockedError, type LockInfo, type LockOwner } from './lock-messages';

export type { LockOwner } from './lock-messages';

export interface DataLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /**
   * How long to wait for a studyline command holding the folder to finish before
   * refusing (default: refuse at once). The app is never waited for: it does not finish.
   */
  waitMs?: number;
  /** The file system underneath; tests swap it to play a full or read-only disk. */
  fs?: DurableFs;
}

const LOCK_NAME = 'studyline.lock';
const TICKET_PREFIX = `${LOCK_NAME}.takeover-`;
// Past its deadline, a caller gives up after this many rounds of a lock that keeps changing hands.
const MAX_ROUNDS = 200;

/**
 * Makes this process the only writer of `dataDir`: the stores write through one
 * fixed temp name per file, so the app and the CLI must never write together.
 *
 * `studyline.lock` is only ever created whole and exclusively (a hard link to a
 * finished temp file), so of many processes exactly one gets it. A lock left by
 * a dead process is removed only by the one process that wins a takeover ticket
 * named after that very lock, and only once it has checked the lock is still
 * that one: a fresh lock created meanwhile can never be deleted by mistake.
 */
export async function acquireDataLock(
  dataDir: string,
  owner: LockOwner,
  options: LockOptions = {},
): Promise<DataLock> {
  const fs = options.fs ?? nodeFs;
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw diskError(error, 'the data folder');
  }
  const lockPath = path.join(dataDir, LOCK_NAME);
  const info: LockInfo = {
    pid: process.pid,
    owner,
    at: new Date().toISOString(),
    host: os.hostname(),
    token: randomUUID(),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let round = 0; ; round += 1) {
    if (await createExclusive(fs, lockPath, info)) {
      await sweepTickets(fs, dataDir);
      return { release: () => release(fs, lockPath, info.token) };
    }
    const current = await readClaim(fs, lockPath);
    if (current.state === 'live' && (current.info.owner !== 'cli' || Date.now() >= deadline)) {
      throw lockedError(current.info);
    }
    if (current.state === 'dead') await takeOver(fs, dataDir, current, info);
    else if (current.state !== 'gone') await delay(40 + Math.random() * 80);
    if (round >= MAX_ROUNDS && Date.now() >= deadline) throw keepsClaiming();
  }
}

/** Removes the dead lock `stale`, if this process wins its ticket and the lock is still that one. */
async function takeOver(
  fs: DurableFs,
  dataDir: string,
  stale: Extract<Claim, { state: 'dead' }>,
  info: LockInfo,
): Promise<void> {
  const prefix = `${TICKET_PREFIX}${stale.id}.`;
  const numbers = (await listNames(dataDir))
    .filter((name) => name.startsWith(prefix))
    .map((name) => Number(name.slice(prefix.length)))
    .filter((n) => Number.isSafeInteger(n));
  const top = Math.max(0, ...numbers);
  if (top > 0) {
    // Someone is taking it over now: let them, unless they died doing it.
    const taker = await readClaim(fs, path.join(dataDir, `${prefix}${top}`));
    if (taker.state === 'live' || taker.state === 'busy') return delay(10 + Math.random() * 20);
  }
  if (!(await createExclusive(fs, path.join(dataDir, `${prefix}${top + 1}`), info))) return;
  const lockPath = path.join(dataDir, LOCK_NAME);
  try {
    const again = await readClaim(fs, lockPath);
    if (again.state === 'dead' && again.id === stale.id) await unlinkIfPresent(fs, lockPath);
  } catch (error) {
    throw lockDiskError(error);
  } finally {
    // The stale lock is gone now (removed here or before): its tickets can no longer remove anything.
    const names = await listNames(dataDir);
    for (const name of names.filter((n) => n.startsWith(prefix))) {
      await unlinkIfPresent(fs, path.join(dataDir, name)).catch(() => undefined);
    }
  }
}

/** Tickets and temp files of processes that died during a takeover: never a live one's. */
async function sweepTickets(fs: DurableFs, dataDir: string): Promise<void> {
  for (const name of await listNames(dataDir)) {
    const file = path.join(dataDir, name);
    if (name.startsWith(TICKET_PREFIX)) {
      const taker = await readClaim(fs, file);
      if (taker.state === 'dead') await unlinkIfPresent(fs, file).catch(() => undefined);
    } else if (name.startsWith(`.${LOCK_NAME}.`) && name.endsWith('.tmp')) {
      const pid = Number(name.slice(LOCK_NAME.length + 2).split('.')[0]);
      if (Number.isSafeInteger(pid) && !isAlive({ pid, host: os.hostname() })) {
        await unlinkIfPresent(fs, file).catch(() => undefined);
      }
    }
  }
}

async function listNames(dataDir: string): Promise<string[]> {
  try {
    return await readdir(dataDir);
  } catch (error) {
    throw lockDiskError(error);
  }
}

async function release(fs: DurableFs, lockPath: string, token: string): Promise<void> {
  // Only this process can remove its own live lock, so nothing replaces it between the check and the unlink.
  const current = await readClaim(fs, lockPath);
  if (current.state !== 'live' || current.info.token !== token) return;
  try {
    await unlinkIfPresent(fs, lockPath);
  } catch (error) {
    throw lockDiskError(error);
  }
}

function keepsClaiming(): StudylineError {
  return new StudylineError('locked', 'Another Studyline keeps claiming this data folder.', {
    hint: 'Close other Studyline windows and commands, then try again.',
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
