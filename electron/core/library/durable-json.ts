import path from 'node:path';
import type { Adapter } from 'lowdb';
import { diskError, StudylineError } from '../errors';
import {
  asciiJson,
  errorCode,
  keepAsBackup,
  nodeFs,
  syncFolder,
  unlinkIfPresent,
  writeSynced,
  type DurableFs,
} from './durable-fs';
import {
  corruptError,
  newerVersionError,
  readError,
  restoredInMemoryMessage,
  restoredMessage,
} from './durable-messages';

export interface DurableJsonOptions<T> {
  /** Learner words for what the file holds: 'your progress', 'the feed "r/learnpython"'. */
  label: string;
  /** The newest version this code reads and writes. */
  schemaVersion: number;
  /** Upgrades data written by an older version. */
  migrate?: (data: unknown, fromVersion: number) => T;
  /** Told (in a learner sentence) when a damaged file was replaced by its last good copy. */
  onRestored?: (message: string) => void;
  /**
   * A cheap shape check beyond `schemaVersion`; data failing it counts as damaged.
   * Never per-item validation: opening a library must cost about one JSON.parse.
   */
  isValid?: (data: Record<string, unknown>) => boolean;
  /** Learner words for what a readable copy holds (a feed's title), once one is read. */
  labelOf?: (data: Record<string, unknown>) => string | undefined;
  /** JSON indentation: small files stay readable, large ones compact. */
  indent?: number;
  /** The file's bytes for `data`, where there is a faster way than the generic one (ASCII JSON). */
  serialize?: (data: T) => Uint8Array;
  fs?: DurableFs;
  /**
   * Set when this process must not write (someone else holds the data folder):
   * why, in one sentence. A damaged file is then repaired in memory only.
   */
  readOnlyBecause?: string;
}

interface Decoded {
  data: Record<string, unknown>;
  version: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * A lowdb adapter that never loses what was saved: atomic replace (temp file,
 * fsync, rename), the previous version kept as `<file>.bak`, damaged files
 * restored from it (or set aside, never deleted), newer files never overwritten.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Can change once the file's owner is known better (a feed's title after a sync). */
  label: string;
  readonly file: string;
  private readonly fs: DurableFs;
  /** The file on disk is known to parse: only then may it become the .bak. */
  private mainIsGood = false;
  /** Set when writing would destroy something this version could not read. */
  private refusal?: StudylineError;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    file: string,
    private readonly options: DurableJsonOptions<T>,
  ) {
    this.file = file;
    this.label = options.label;
    this.fs = options.fs ?? nodeFs;
  }

  async read(): Promise<T | null> {
    this.refusal = undefined;
    const text = await this.readText(this.file);
    if (text === undefined) return this.readBackupOnly();
    const decoded = this.decode(text);
    if (!decoded) return this.restoreFromBackup();
    this.mainIsGood = true;
    return this.upgrade(decoded);
  }

  write(data: T): Promise<void> {
    // Serialised now: the caller may change `data` while an earlier write still runs.
    const text =
      this.options.serialize?.(data) ?? asciiJson(JSON.stringify(data, null, this.options.indent));
    return this.enqueue(() => this.writeText(text, true));
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeText(text: string | Uint8Array, keepPrevious: boolean): Promise<void> {
    if (this.refusal) throw this.refusal;
    if (this.options.readOnlyBecause !== undefined) {
      throw new StudylineError('locked', this.options.readOnlyBecause);
    }
    const tmp = `${this.file}.tmp`;
    try {
      await writeSynced(this.fs, tmp, text);
      if (keepPrevious && (await this.previousIsGood())) await keepAsBackup(this.fs, this.file);
      await this.fs.rename(tmp, this.file);
    } catch (error) {
      await unlinkIfPresent(this.fs, tmp).catch(() => undefined);
      throw error instanceof StudylineError ? error : diskError(error, this.label);
    }
    this.mainIsGood = true;
    await syncFolder(this.fs, path.dirname(this.file));
  }

  /** A damaged file must never push the last good copy out of .bak. */
  private async previousIsGood(): Promise<boolean> {
    if (this.mainIsGood) return true;
    const text = await this.readText(this.file);
    return text !== undefined && this.decode(text) !== undefined;
  }

  private async readText(file: string): Promise<string | undefined> {
    let text: string;
    try {
      text = await this.fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw readError(error, this.label);
    }
    // A file saved by a text editor may start with a byte-order mark.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Parsed data, or undefined when damaged; throws for a file from a newer Studyline. */
  private decode(text: string): Decoded | undefined {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isRecord(data)) return undefined;
    const version = data.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return undefined;
    this.label = this.options.labelOf?.(data) ?? this.label;
    if (version > this.options.schemaVersion) {
      this.refusal = newerVersionError(this.label, this.file);
      throw this.refusal;
    }
    if (this.options.isValid && !this.options.isValid(data)) return undefined;
    return { data, version };
  }

  private upgrade({ data, version }: Decoded): T {
    if (version === this.options.schemaVersion) return data as T;
    if (!this.options.migrate) {
      throw new Error(`No migration for ${this.label} from schema version ${version}.`);
    }
    return this.options.migrate(data, version);
  }

  /** Only the .bak exists: a crash between the two renames where links are unsupported. */
  private async readBackupOnly(): Promise<T | null> {
    const bak = `${this.file}.bak`;
    const text = await this.readText(bak);
    if (text === undefined) return null;
    const decoded = this.decode(text);
    if (!decoded) throw await this.setAside(bak);
    // The next write creates the file and leaves this .bak in place.
    return this.upgrade(decoded);
  }

  private async restoreFromBackup(): Promise<T> {
    const bak = `${this.file}.bak`;
    const text = await this.readText(bak);
    const decoded = text === undefined ? undefined : this.decode(text);
    if (text === undefined || !decoded) throw await this.setAside(this.file);
    const backupTime = (await this.fs.stat(bak)).mtime;
    const because = this.options.readOnlyBecause;
    if (because !== undefined) {
      this.options.onRestored?.(restoredInMemoryMessage(this.label, backupTime, because));
      return this.upgrade(decoded);
    }
    await this.replaceDamaged(text);
    this.options.onRestored?.(restoredMessage(this.label, backupTime));
    return this.upgrade(decoded);
  }

  private async replaceDamaged(goodText: string): Promise<void> {
    try {
      // Kept, not deleted: the damaged file may hold the only trace of recent work.
      await this.fs.rename(this.file, `${this.file}.corrupt-${stamp()}`);
      await this.enqueue(() => this.writeText(goodText, false));
    } catch {
      // A read-only folder: still open the good copy. The damaged file stays unverified
      // (mainIsGood is false), so it can never replace the .bak; the next save reports the disk.
    }
  }

  private async setAside(damaged: string): Promise<StudylineError> {
    if (this.options.readOnlyBecause !== undefined)
      return corruptError(this.label, damaged, undefined);
    const keptAs = `${damaged}.corrupt-${stamp()}`;
    try {
      await this.fs.rename(damaged, keptAs);
      return corruptError(this.label, damaged, keptAs);
    } catch {
      this.refusal = corruptError(this.label, damaged, undefined);
      return this.refusal;
    }
  }
}
