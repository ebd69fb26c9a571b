import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import {
  nodeFs,
  type DurableFs,
  type WritableHandle,
} from '../../../electron/core/library/durable-fs';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studyline-lib-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export function fsError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  error.code = code;
  return error;
}

/** Real file system whose data writes fail with `code` after half the bytes: a disk filling up. */
export function diskFillingFs(code = 'ENOSPC'): DurableFs {
  return {
    ...nodeFs,
    async open(file, flags): Promise<WritableHandle> {
      const handle = await nodeFs.open(file, flags);
      return {
        async writeFile(data) {
          await handle.writeFile(data.slice(0, Math.floor(data.length / 2)));
          throw fsError(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

/** Real file system where creating any file fails with `code`: a read-only folder. */
export function readOnlyFs(code = 'EROFS'): DurableFs {
  return {
    ...nodeFs,
    open: async (file, flags) => {
      if (flags !== 'r') throw fsError(code);
      return nodeFs.open(file, flags);
    },
    rename: async () => {
      throw fsError(code);
    },
    link: async () => {
      throw fsError(code);
    },
    unlink: async () => {
      throw fsError(code);
    },
  };
}

/** Counts the atomic replacements (renames onto a .json file) that reach the disk. */
export function countingFs(): DurableFs & { writes: () => number } {
  let writes = 0;
  return {
    ...nodeFs,
    rename: async (from, to) => {
      await nodeFs.rename(from, to);
      if (from.endsWith('.tmp') && to.endsWith('.json')) writes += 1;
    },
    writes: () => writes,
  };
}

export async function listNames(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** Counts the files opened for writing whose name ends with `suffix`. */
export function openCountingFs(suffix: string): DurableFs & { opens: () => number } {
  let opens = 0;
  return {
    ...nodeFs,
    open: async (file, flags) => {
      if (flags !== 'r' && file.endsWith(suffix)) opens += 1;
      return nodeFs.open(file, flags);
    },
    opens: () => opens,
  };
}
