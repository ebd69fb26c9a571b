import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { diskError, isStudylineError, StudylineError } from '../errors';
import { errorCode, nodeFs, unlinkIfPresent, type DurableFs } from './durable-fs';
import { DurableJsonFile, isRecord } from './durable-json';
import { readError } from './durable-messages';
import { LIBRARY_SCHEMA_VERSION, type SourceFile, type SourceMeta } from './model';
import { hurry, SAVE_SOON_MS, waitBeforeWriting, type PendingSave } from './pending-save';
import { sourceFileBytes } from './source-file-bytes';

export interface StoreOptions {
  /** Learner sentences about files restored from their last good copy, or skipped. */
  onNotice?: (message: string) => void;
  /** The file system underneath; tests swap it to play a full or read-only disk. */
  fs?: DurableFs;
  /**
   * Set when this process must not write (someone else holds the data folder):
   * why, in one sentence. Nothing is created, saved or repaired on disk.
   */
  readOnlyBecause?: string;
  /** How long saveSoon() waits for more changes before writing (SAVE_SOON_MS). */
  saveSoonMs?: number;
}

interface Slot {
  adapter: DurableJsonFile<SourceFile>;
  /** What is on disk, once read or written. */
  loaded?: Promise<SourceFile | undefined>;
  /** Being written now. */
  inFlight?: SourceFile;
  /** Waiting for the current burst to end; later saves replace it. */
  pending?: PendingSave;
  /** Kept in memory only, until the next save or close() (see remember()). */
  deferred?: SourceFile;
  /** Settles when every write of this source so far has finished. */
  writing: Promise<void>;
}

// Ids become file names: a fixed alphabet keeps them portable and out of other folders.
const SOURCE_ID = /^[a-z0-9_-][a-z0-9._-]{0,119}$/;

export function isSourceId(id: string): boolean {
  return SOURCE_ID.test(id);
}

function invalidSourceId(id: string): StudylineError {
  return new StudylineError('invalid-input', `"${id}" is not a valid source id.`, {
    hint: 'Source ids use lower-case letters, digits, ".", "_" and "-".',
  });
}

/** Learner words for a source, used in every message about its file. */
export function sourceLabel(meta: Pick<SourceMeta, 'kind' | 'title' | 'url'>): string {
  const name = meta.title?.trim() || meta.url;
  return meta.kind === 'archive' ? `the course archive "${name}"` : `the feed "${name}"`;
}

// A structural check only: validating every item would make opening cost far more than JSON.parse.
function looksLikeSourceFile(data: Record<string, unknown>): boolean {
  return isRecord(data.source) && typeof data.source.id === 'string' && Array.isArray(data.items);
}

/** The library: one durable JSON file per source under `<dataDir>/library`. */
export class LibraryStore {
  private readonly slots = new Map<string, Slot>();

  private constructor(
    readonly dir: string,
    private readonly options: StoreOptions,
  ) {}

  static async open(dataDir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    const dir = path.join(dataDir, 'library');
    if (options.readOnlyBecause !== undefined) return new LibraryStore(dir, options);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw diskError(error, 'your library');
    }
    return new LibraryStore(dir, options);
  }

  async listSourceIds(): Promise<string[]> {
    const ids = new Set<string>();
    for (const name of await this.fileNames()) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (isSourceId(id)) ids.add(id);
    }
    for (const [id, slot] of this.slots) if (slot.pending || slot.inFlight) ids.add(id);
    return [...ids].sort();
  }

  private async fileNames(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw readError(error, 'your library');
    }
  }

  /** The source's file as last saved, read from disk once and then kept in memory. */
  get(sourceId: string): Promise<SourceFile | undefined> {
    if (!isSourceId(sourceId)) return Promise.reject(invalidSourceId(sourceId));
    const slot = this.slotFor(sourceId);
    const latest = slot.pending?.file ?? slot.inFlight;
    if (latest) return Promise.resolve(latest);
    if (!slot.loaded) {
      const loading = slot.adapter.read().then((file) => file ?? undefined);
      // A failed read is not remembered: the next call reads again.
      loading.catch(() => {
        if (slot.loaded === loading) slot.loaded = undefined;
      });
      slot.loaded = loading;
    }
    return slot.loaded;
  }

  /** Every readable source. A damaged or too-new file is skipped with a notice, not fatal. */
  async loadAll(): Promise<SourceFile[]> {
    const ids = await this.listSourceIds();
    const settle = (id: string) =>
      this.get(id).then(
        (file) => ({ file }),
        (error: unknown) => ({ error }),
      );
    const files: SourceFile[] = [];
    // One file at a time: holding every file's bytes at once makes opening slower, and
    // reading the next file while this one is parsed measured no faster (21 runs each way).
    let next = ids[0] === undefined ? undefined : settle(ids[0]);
    for (let i = 0; next; i += 1) {
      const current = await next;
      const following = ids[i + 1];
      next = following === undefined ? undefined : settle(following);
      const file = 'error' in current ? this.skip(current.error) : current.file;
      if (file) files.push(file);
    }
    return files;
  }

  private skip(error: unknown): undefined {
    if (!isStudylineError(error) || (error.code !== 'corrupt' && error.code !== 'newer-version')) {
      throw error;
    }
    this.options.onNotice?.(error.fullMessage);
    return undefined;
  }

  /**
   * Saves one source; resolves once it is on disk. Saves of one source made while
   * an earlier one is still pending or writing are coalesced into a single write.
   */
  save(file: SourceFile): Promise<void> {
    return this.enqueue(file, false);
  }

  /**
   * Saves one source within SAVE_SOON_MS, together with the saves that follow
   * meanwhile: for changes that come in bursts (the pages of a sync). get()
   * answers the new file at once; a save() or flush() writes it without waiting.
   */
  saveSoon(file: SourceFile): Promise<void> {
    return this.enqueue(file, true);
  }

  private enqueue(file: SourceFile, soon: boolean): Promise<void> {
    if (!isSourceId(file.source.id)) return Promise.reject(invalidSourceId(file.source.id));
    if (this.options.readOnlyBecause !== undefined) {
      return Promise.reject(new StudylineError('locked', this.options.readOnlyBecause));
    }
    const slot = this.slotFor(file.source.id);
    slot.deferred = undefined;
    slot.adapter.label = sourceLabel(file.source);
    if (slot.pending) {
      slot.pending.file = file;
      if (!soon) hurry(slot.pending);
      return slot.pending.done;
    }
    const pending: PendingSave = { file, done: Promise.resolve(), soon };
    pending.done = slot.writing
      .then(() => waitBeforeWriting(pending, this.options.saveSoonMs ?? SAVE_SOON_MS))
      .then(() => this.writePending(slot, pending));
    slot.pending = pending;
    slot.writing = pending.done.catch(() => undefined);
    return pending.done;
  }

  private async writePending(slot: Slot, pending: PendingSave): Promise<void> {
    slot.pending = undefined;
    slot.inFlight = pending.file;
    try {
      await slot.adapter.write(pending.file);
      slot.loaded = Promise.resolve(pending.file);
    } finally {
      slot.inFlight = undefined;
    }
  }

  /** Removes a source's file and its last good copy (the learner unfollowed it). */
  async delete(sourceId: string): Promise<void> {
    if (!isSourceId(sourceId)) throw invalidSourceId(sourceId);
    if (this.options.readOnlyBecause !== undefined) {
      throw new StudylineError('locked', this.options.readOnlyBecause);
    }
    const slot = this.slotFor(sourceId);
    if (slot.pending) hurry(slot.pending);
    await slot.writing;
    const file = path.join(this.dir, `${sourceId}.json`);
    try {
      // The main file goes last: a crash halfway must not leave a .bak that would bring it back.
      for (const name of [`${file}.tmp`, `${file}.bak.tmp`, `${file}.bak`, file]) {
        await unlinkIfPresent(this.options.fs ?? nodeFs, name);
      }
    } catch (error) {
      throw diskError(error, slot.adapter.label);
    }
    this.slots.delete(sourceId);
  }

  /** Waits for every save made so far. */
  async flush(): Promise<void> {
    for (const slot of this.slots.values()) if (slot.pending) hurry(slot.pending);
    await Promise.all([...this.slots.values()].map((slot) => slot.writing));
  }

  /**
   * Takes a change not worth a disk write of its own: the time of a sync that
   * found the feed unchanged (a 304). Rewriting every source file for a
   * timestamp would make re-syncing many feeds cost many fsyncs; it is
   * written with the next save of that source, or by close().
   */
  remember(file: SourceFile): void {
    if (!isSourceId(file.source.id)) throw invalidSourceId(file.source.id);
    const slot = this.slotFor(file.source.id);
    if (slot.pending || slot.inFlight) {
      void this.save(file);
      return;
    }
    slot.deferred = file;
    slot.loaded = Promise.resolve(file);
  }

  /** Writes what remember() kept, then waits for every write. */
  async close(): Promise<void> {
    for (const slot of this.slots.values()) {
      if (slot.deferred) void this.save(slot.deferred).catch(() => undefined);
    }
    await this.flush();
  }

  private slotFor(sourceId: string): Slot {
    let slot = this.slots.get(sourceId);
    if (!slot) {
      const adapter = new DurableJsonFile<SourceFile>(path.join(this.dir, `${sourceId}.json`), {
        label: `the feed "${sourceId}"`,
        schemaVersion: LIBRARY_SCHEMA_VERSION,
        isValid: looksLikeSourceFile,
        serialize: sourceFileBytes,
        labelOf: (data) =>
          looksLikeSourceFile(data) ? sourceLabel(data.source as SourceMeta) : undefined,
        onRestored: this.options.onNotice,
        fs: this.options.fs,
        readOnlyBecause: this.options.readOnlyBecause,
      });
      slot = { adapter, writing: Promise.resolve() };
      this.slots.set(sourceId, slot);
    }
    return slot;
  }
}
