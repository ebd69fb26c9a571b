import { DEFAULT_REMINDER_SETTINGS } from '../reminders/model';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { diskError } from '../errors';
import { DurableJsonFile, isRecord } from './durable-json';
import type { StoreOptions } from './library-store';
import { DEFAULT_SETTINGS, PROGRESS_SCHEMA_VERSION, type ProgressFile } from './model';

interface QueuedUpdate {
  mutate: (draft: ProgressFile) => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

export function emptyProgress(): ProgressFile {
  return {
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    courses: [],
    emails: {},
    plans: {},
    reminders: { settings: { ...DEFAULT_REMINDER_SETTINGS }, shown: [] },
    settings: { ...DEFAULT_SETTINGS },
    notices: [],
  };
}

function looksLikeProgress(data: Record<string, unknown>): boolean {
  return Array.isArray(data.courses) && isRecord(data.emails);
}

/** Settings added in later versions (and hand-edited files) get their defaults. */
function withDefaults(data: ProgressFile): ProgressFile {
  return {
    ...data,
    settings: { ...DEFAULT_SETTINGS, ...(isRecord(data.settings) ? data.settings : {}) },
    notices: Array.isArray(data.notices) ? data.notices : [],
    plans: isRecord(data.plans) ? data.plans : {},
    reminders: {
      settings: { ...DEFAULT_REMINDER_SETTINGS, ...(isRecord(data.reminders?.settings) ? data.reminders.settings : {}) },
      shown: Array.isArray(data.reminders?.shown) ? data.reminders.shown : [],
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The learner's own state (progress.json): small, and written on every change. */
export class ProgressStore {
  private queue: QueuedUpdate[] = [];
  private scheduled = false;
  /** Settles when every write so far has finished. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly db: Low<ProgressFile>) {}

  static async open(dataDir: string, options: StoreOptions = {}): Promise<ProgressStore> {
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (error) {
      throw diskError(error, 'your progress');
    }
    const adapter = new DurableJsonFile<ProgressFile>(path.join(dataDir, 'progress.json'), {
      label: 'your progress',
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      isValid: looksLikeProgress,
      indent: 2,
      onRestored: options.onNotice,
      fs: options.fs,
    });
    const db = new Low(adapter, emptyProgress());
    await db.read();
    db.data = withDefaults(db.data);
    return new ProgressStore(db);
  }

  /** What is on disk, plus the update being written right now. Never mutate it: use update(). */
  get data(): Readonly<ProgressFile> {
    return this.db.data;
  }

  /**
   * Applies `mutate` (synchronous) to a copy and resolves with its result once
   * that is durably written. Updates made in the same turn share one write; if
   * the write fails they all reject and the state stays what is on disk.
   */
  update<R>(mutate: (draft: ProgressFile) => R): Promise<R> {
    const result = new Promise<R>((resolve, reject) => {
      this.queue.push({ mutate, resolve: resolve as (r: unknown) => void, reject });
    });
    if (!this.scheduled) {
      this.scheduled = true;
      this.writing = this.writing.then(nextTurn).then(() => this.commit());
    }
    return result;
  }

  private async commit(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    const applied: Array<{ entry: QueuedUpdate; result: unknown }> = [];
    let draft = this.db.data;
    for (const entry of batch) {
      // Each update gets its own copy, so one that throws halfway leaves no trace.
      const copy = structuredClone(draft);
      try {
        applied.push({ entry, result: entry.mutate(copy) });
        draft = copy;
      } catch (error) {
        entry.reject(error);
      }
    }
    if (applied.length === 0) return;
    const onDisk = this.db.data;
    this.db.data = draft;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = onDisk;
      for (const { entry } of applied) entry.reject(error);
      return;
    }
    for (const { entry, result } of applied) entry.resolve(result);
  }
}
