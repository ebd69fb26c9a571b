import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorCode, unlinkIfPresent, type DurableFs } from './durable-fs';
import { lockDiskError, type LockInfo } from './lock-messages';

/** What a lock (or takeover ticket) file says about the process that made it. */
export type Claim =
  | { state: 'live'; info: LockInfo }
  /** Its process is gone for good; `id` names this very file (its token, else its inode). */
  | { state: 'dead'; id: string }
  /** Unreadable but young: an older Studyline (or a FAT drive) may still be writing it. */
  | { state: 'busy' }
  /** Removed meanwhile. */
  | { state: 'gone' };

// An unreadable lock younger than this may still be being written by its creator.
const FRESH_MS = 1000;
// Hard links are missing on FAT/exFAT drives and some network shares.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Creates `file` holding `info`, unless it exists: whole or not at all, since
 * it is a hard link to a temp file written first. Where links are missing the
 * file is created exclusively and then written. A full disk leaves nothing.
 */
export async function createExclusive(
  fs: DurableFs,
  file: string,
  info: LockInfo,
): Promise<boolean> {
  const text = JSON.stringify(info);
  // The pid in the name lets a later holder sweep the temp file of a process that died here.
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file).split('.takeover-')[0]}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeNew(fs, tmp, 'w', text);
    try {
      await fs.link(tmp, file);
      return true;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      if (!NO_LINKS.has(errorCode(error) ?? '')) throw error;
    }
    return await writeNew(fs, file, 'wx', text).then(
      () => true,
      (error: unknown) => {
        if (errorCode(error) === 'EEXIST') return false;
        throw error;
      },
    );
  } catch (error) {
    throw lockDiskError(error);
  } finally {
    await unlinkIfPresent(fs, tmp).catch(() => undefined);
  }
}

/** Writes a new file; if the write fails (a full disk), the half-written file is removed. */
async function writeNew(fs: DurableFs, file: string, flags: string, text: string): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlinkIfPresent(fs, file).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

export async function readClaim(fs: DurableFs, file: string): Promise<Claim> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'gone' };
    throw lockDiskError(error);
  }
  const info = parseClaim(text);
  if (info) return isAlive(info) ? { state: 'live', info } : { state: 'dead', id: info.token };
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'gone' };
    throw lockDiskError(error);
  }
  if (Date.now() - stats.mtimeMs < FRESH_MS) return { state: 'busy' };
  return { state: 'dead', id: `ino${stats.ino}-${Math.floor(stats.mtimeMs)}` };
}

function parseClaim(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (!Number.isInteger(data.pid) || data.pid! <= 0) return undefined;
    // The token names the file in takeover tickets: keep it to a safe alphabet.
    const token =
      typeof data.token === 'string' && /^[\w-]{1,64}$/.test(data.token) ? data.token : '';
    return {
      ...(data as LockInfo),
      token: token || `pid${data.pid}-${String(data.at ?? '').replace(/\W/g, '')}`,
    };
  } catch {
    return undefined;
  }
}

export function isAlive(holder: Pick<LockInfo, 'pid' | 'host'>): boolean {
  // A pid on another machine (a shared folder) cannot be checked: assume it is alive.
  if (holder.host && holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
