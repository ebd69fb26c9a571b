import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  errorCode,
  nodeFs,
  syncFolder,
  unlinkIfPresent,
  writeAndSync,
  type DurableFs,
} from '../library/durable-fs';
import {
  encodeHeader,
  encodeRecords,
  parseLog,
  type LogHeader,
  type LogRecord,
  type ParsedLog,
} from './share-log';
import { ownLogName } from './share-folder';

/**
 * This computer's own log in the shared folder: the only file it ever
 * writes there. Changes are appended (one line, one fsync); before an
 * append the file is checked, because appending after a torn line (a crash
 * mid-append, a service that put back an older copy) would hide every later
 * line from the other computers: such a file is first rewritten whole.
 */
export class OwnLog {
  readonly name: string;
  readonly file: string;
  /** Size of the file as this computer last left it; undefined: not checked yet. */
  private size?: number;

  constructor(
    folder: string,
    private readonly header: LogHeader,
    private readonly fs: DurableFs = nodeFs,
  ) {
    this.name = ownLogName(header.device);
    this.file = path.join(folder, this.name);
  }

  async append(records: readonly LogRecord[]): Promise<void> {
    const text = records.length > 0 ? encodeRecords(records) : '';
    if (this.size !== undefined && (await this.currentSize()) === this.size) {
      await writeAndSync(this.fs, this.file, 'a', text);
      this.size += Buffer.byteLength(text);
      return;
    }
    const existing = await this.readExisting();
    const ours = existing.header?.device === this.header.device;
    if (ours && !existing.incomplete && existing.bytes !== undefined) {
      // Readable to the end: appending is safe (the size moved because a service touched it).
      await writeAndSync(this.fs, this.file, 'a', text);
      this.size = existing.bytes + Buffer.byteLength(text);
      return;
    }
    // The readable part is kept byte for byte; what follows it (a torn line) is dropped.
    const kept = ours
      ? existing.text.toString('utf8', 0, existing.readableBytes)
      : encodeHeader(this.header);
    await this.replace(kept + text);
  }

  private async currentSize(): Promise<number | undefined> {
    try {
      return (await stat(this.file)).size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** A new file, or one rewritten to drop a torn end: written aside, then renamed into place. */
  private async replace(body: string): Promise<void> {
    const tmp = path.join(path.dirname(this.file), `.${this.name}.tmp`);
    try {
      await writeAndSync(this.fs, tmp, 'w', body);
      await rename(tmp, this.file);
    } catch (error) {
      await unlinkIfPresent(this.fs, tmp).catch(() => undefined);
      throw error;
    }
    await syncFolder(this.fs, path.dirname(this.file));
    this.size = Buffer.byteLength(body);
  }

  private async readExisting(): Promise<ParsedLog & { text: Buffer; bytes?: number }> {
    try {
      const text = await readFile(this.file);
      return { ...parseLog(text), text, bytes: text.length };
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      return { ...parseLog(''), text: Buffer.alloc(0) };
    }
  }
}
