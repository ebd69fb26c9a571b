import { constants, isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reading the data folder's own files (library, progress, settings, search index).
 *
 * Synchronously, into one buffer kept between reads: opening a library reads ten or
 * more files of megabytes each, one after another, and parses each at once. Read
 * asynchronously, every file went through the thread pool in 512 KB pieces into a
 * new buffer each time (memory V8 must page in afresh), which made opening a
 * 10,000-email library cost 1.5× its JSON.parse; this way 1.2×. The read blocks for
 * a few milliseconds a file, less than parsing the same file does right after. The
 * data folder is local (its lock must be): files in a synced folder are never read
 * this way.
 */

/** Larger buffers are not kept: a library file is a few megabytes. */
const KEEP_AT_MOST = 32 * 1024 * 1024;
/** A kept buffer is let go this long after the last read: opening is a burst of reads. */
const KEEP_FOR_MS = 2_000;

let spare: Buffer | undefined;
let letGo: NodeJS.Timeout | undefined;

/** The text of a file (see `decodeText`). Throws fs errors (ENOENT…) as `readFile` does. */
export function readTextSync(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size >= constants.MAX_STRING_LENGTH) throw tooLarge(size);
    // One byte more than the file: the read that finds its end needs no bigger buffer.
    let buffer = spare && spare.length > size ? spare : Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      // The file grew since its size was read (another program writing it): grow too.
      if (length === buffer.length) buffer = grown(buffer);
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    const text = decodeText(buffer.subarray(0, length));
    keep(buffer);
    return text;
  } finally {
    closeSync(fd);
  }
}

function grown(buffer: Buffer): Buffer {
  if (buffer.length >= constants.MAX_STRING_LENGTH) throw tooLarge(buffer.length);
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger);
  return bigger;
}

/** Past what one JavaScript string can hold: no Studyline file gets near it. */
function tooLarge(bytes: number): Error {
  const error = new RangeError(`the file is too large (${Math.round(bytes / 1e6)} MB)`);
  return Object.assign(error, { code: 'ERR_FS_FILE_TOO_LARGE' });
}

/** The buffer just used is the spare or a larger one: it becomes the spare. */
function keep(buffer: Buffer): void {
  if (buffer.length > KEEP_AT_MOST) return;
  spare = buffer;
  clearTimeout(letGo);
  letGo = setTimeout(() => (spare = undefined), KEEP_FOR_MS).unref();
}

/**
 * The text of a file's bytes. Node 20 decodes UTF-8 at about 250 MB/s, which
 * made reading a 43 MB library cost more than parsing it; bytes that are all
 * ASCII (what `asciiJson` writes) read as latin1 are the same text, 7× faster.
 * Either way the text is a copy: the bytes may be reused at once.
 */
export function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
