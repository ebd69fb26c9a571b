import { stat } from 'node:fs/promises';
import { isStudylineError } from '../errors';
import { acquireDataLock, type DataLock, type LockOwner } from '../library/data-lock';
import type { DurableFs } from '../library/durable-fs';

export interface FolderAccess {
  lock: DataLock;
  /** Set when this process must not write: why, in one sentence the learner reads. */
  readOnlyBecause?: string;
}

/** How long a command that changes things waits for another studyline command to finish. */
const WAIT_FOR_COMMANDS_MS = 10_000;

const NO_LOCK: DataLock = { release: async () => undefined };

/**
 * The data folder's lock for a process that changes things (it waits a while for
 * a command, never for the app). A process that only reads takes the lock when
 * the folder is free, so that a damaged file it meets is repaired once and told
 * once; when someone else holds the folder (or the disk is full or read-only),
 * it writes nothing at all and repairs in memory.
 */
export async function openFolderAccess(options: {
  dataDir: string;
  owner: LockOwner;
  readOnly?: boolean;
  fs?: DurableFs;
}): Promise<FolderAccess> {
  const { dataDir, owner, fs } = options;
  if (!options.readOnly) {
    return { lock: await acquireDataLock(dataDir, owner, { waitMs: WAIT_FOR_COMMANDS_MS, fs }) };
  }
  // Only reading: a folder that is not there is not created.
  const exists = await stat(dataDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return { lock: NO_LOCK, readOnlyBecause: 'There is no data folder yet.' };
  try {
    return { lock: await acquireDataLock(dataDir, owner, { fs }) };
  } catch (error) {
    if (isStudylineError(error) && (error.code === 'locked' || error.code === 'disk')) {
      return { lock: NO_LOCK, readOnlyBecause: error.message };
    }
    throw error;
  }
}
