import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { readTextSync } from './read-text';

/** The part of a file handle a durable write needs. */
export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system calls durable files make. Tests swap one of them to play a
 * full or read-only disk: they run as root, where a chmod'd folder stays writable.
 */
export interface DurableFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  open(file: string, flags: string): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ mtime: Date }>;
}

export const nodeFs: DurableFs = {
  // Synchronously, into a kept buffer: see read-text.ts for why and how much it saves.
  // An async function: a failed read (a missing file…) becomes a rejection, as callers expect.
  readFile: async (file) => readTextSync(file),
  open: (file, flags) => fsp.open(file, flags),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  unlink: (file) => fsp.unlink(file),
  stat: (file) => fsp.stat(file),
};

/**
 * JSON text with every character past ASCII written as a \u escape: the same
 * data to any JSON reader, and a file `readTextSync` reads on its fast path.
 * Only valid for JSON (or lines of JSON), where such characters sit in strings.
 */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export async function unlinkIfPresent(fs: DurableFs, file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Writes (or appends) `text` and flushes it to the disk before resolving. */
export async function writeAndSync(
  fs: DurableFs,
  file: string,
  flags: 'w' | 'a',
  text: string | Uint8Array,
): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `tmp` and flushes it to the disk; a failed write leaves no temp file behind. */
export async function writeSynced(
  fs: DurableFs,
  tmp: string,
  text: string | Uint8Array,
): Promise<void> {
  try {
    await writeAndSync(fs, tmp, 'w', text);
  } catch (error) {
    await unlinkIfPresent(fs, tmp).catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces `file` whole (a temp file beside it, flushed, then renamed): a full
 * disk never leaves half a file, nor the temp file, and an older file stays as it was.
 */
export async function replaceFile(fs: DurableFs, file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.studyline-tmp`);
  await writeSynced(fs, tmp, text);
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await unlinkIfPresent(fs, tmp).catch(() => undefined);
    throw error;
  }
}

// Hard links are missing on FAT/exFAT drives and some network shares.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Makes `<file>.bak` the current `<file>` without copying it: a second name
 * for the same bytes (the new version is about to get a new inode by rename).
 * Where links are unsupported, the file itself moves to .bak; a crash before
 * the new version lands leaves only the .bak, which reading accepts.
 */
export async function keepAsBackup(fs: DurableFs, file: string): Promise<void> {
  const bak = `${file}.bak`;
  const bakTmp = `${bak}.tmp`;
  await unlinkIfPresent(fs, bakTmp);
  try {
    await fs.link(file, bakTmp);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    if (!NO_LINKS.has(errorCode(error) ?? '')) throw error;
    await fs.rename(file, bak);
    return;
  }
  await fs.rename(bakTmp, bak);
}

/** Makes a rename durable across power loss; Windows cannot open folders, and renames there are durable enough. */
export async function syncFolder(fs: DurableFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the rename itself is already atomic.
  }
}
