import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from '../library/durable-fs';
import { parseLog, type ParsedLog } from './share-log';

/**
 * The logs in the shared folder. Any file named `studyline-<id>….log` is a
 * log: that includes the copies sync services make when one file changed in
 * two places (Syncthing `studyline-x.sync-conflict-20261130-101500-ABCDEFG.log`,
 * Dropbox `studyline-x (Alice's conflicted copy 2026-11-30).log`, iCloud
 * `studyline-x 2.log`), which are read and merged like the rest. Hidden files
 * are the services' own half-copied temporaries and are skipped.
 */

const LOG_NAME = /^studyline-[a-z0-9]{6,32}\b.*\.log$/;

export function isLogName(name: string): boolean {
  return !name.startsWith('.') && LOG_NAME.test(name);
}

export function ownLogName(deviceId: string): string {
  return `studyline-${deviceId}.log`;
}

export interface FolderLog {
  name: string;
  size: number;
  mtimeMs: number;
  log: ParsedLog;
}

export interface FolderScan {
  logs: FolderLog[];
  /** Something changed since the last scan (a log came, went or grew). */
  changed: boolean;
}

/** Reads the folder's logs, re-reading only those whose size or time changed. */
export class FolderReader {
  private cache = new Map<string, FolderLog>();

  constructor(readonly folder: string) {}

  /** Throws the file system's error when the folder itself cannot be read. */
  async scan(): Promise<FolderScan> {
    const names = (await readdir(this.folder)).filter(isLogName);
    let changed = names.length !== this.cache.size;
    const next = new Map<string, FolderLog>();
    for (const name of names) {
      const entry = await this.readOne(name);
      if (!entry) continue;
      if (entry !== this.cache.get(name)) changed = true;
      next.set(name, entry);
    }
    this.cache = next;
    return { logs: [...next.values()], changed };
  }

  /** Forgets a file, so the next scan reads it again (after this computer rewrote it). */
  forget(name: string): void {
    this.cache.delete(name);
  }

  private async readOne(name: string): Promise<FolderLog | undefined> {
    const file = path.join(this.folder, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) return undefined;
      const cached = this.cache.get(name);
      if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached;
      const bytes = await readFile(file);
      return { name, size: info.size, mtimeMs: info.mtimeMs, log: parseLog(bytes) };
    } catch (error) {
      // Gone between listing and reading: the service is moving it.
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  }
}
