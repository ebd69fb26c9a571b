import { StudylineError } from '../errors';
import type { DurableJsonFile } from './durable-json';
import type { StoreOptions } from './library-store';
import type { EmailState, ProgressFile } from './model';
import { openProgressFiles, type StoredProgress } from './progress-files';
import type { ProgressJournal, JournalEntry } from './progress-journal';
import {
  draftOf,
  emailEntry,
  setEmailEntry,
  tellEach,
  type ChangeListener,
  type WriteListener,
} from './progress-state';

// Where they have always been imported from.
export { emptyProgress, type WriteListener } from './progress-state';

export interface JournalLimits {
  bytes: number;
  lines: number;
}

export interface ProgressStoreOptions extends StoreOptions {
  /** Past either limit the journal is folded into progress.json. */
  journalLimits?: JournalLimits;
}

const JOURNAL_LIMITS: JournalLimits = { bytes: 256 * 1024, lines: 2000 };

interface UpdateTask {
  kind: 'update';
  mutate: (draft: ProgressFile) => unknown;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** An email's change, applied in memory at once and undone if it cannot be written. */
interface EmailTask {
  kind: 'email';
  emailId: string;
  state: EmailState | undefined;
  prev: EmailState | undefined;
  /** The emails map it was applied to (an update in between may have replaced it). */
  map: Record<string, EmailState>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

type Task = UpdateTask | EmailTask;

function entryOf(task: EmailTask): JournalEntry {
  return task.state === undefined ? { e: task.emailId } : { e: task.emailId, s: task.state };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The learner's own state: progress.json (a snapshot, rewritten by update())
 * plus progress.journal (per-email changes appended after it), so marking one
 * email costs the same however much progress there is.
 */
export class ProgressStore {
  private queue: Task[] = [];
  /** Email changes being written now. */
  private inFlight: EmailTask[] = [];
  private scheduled = false;
  private compactRequested = false;
  private limits: JournalLimits;
  /** Settles when every write so far has finished. */
  private writing: Promise<void> = Promise.resolve();
  private listeners = new Set<WriteListener>();
  private changeListeners = new Set<ChangeListener>();

  private constructor(
    private state: ProgressFile,
    private readonly snapshot: DurableJsonFile<StoredProgress>,
    private readonly journal: ProgressJournal,
    private readonly baseLimits: JournalLimits,
  ) {
    this.limits = baseLimits;
  }

  static async open(dataDir: string, options: ProgressStoreOptions = {}): Promise<ProgressStore> {
    const { state, snapshot, journal } = await openProgressFiles(dataDir, options);
    return new ProgressStore(state, snapshot, journal, options.journalLimits ?? JOURNAL_LIMITS);
  }

  /** What is on disk, plus the changes being written. Never mutate it: use update() or setEmailState(). */
  get data(): Readonly<ProgressFile> {
    return this.state;
  }

  /**
   * Applies `mutate` (synchronous) to a copy and resolves with its result once
   * that is durably written (progress.json rewritten whole). Updates made in the
   * same turn share one write; if it fails they all reject and the state stays
   * what is on disk. Replace an email's state, never change it in place: it is frozen.
   */
  update<R>(mutate: (draft: ProgressFile) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ kind: 'update', mutate, resolve: resolve as (r: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Sets (undefined: removes) one email's state: in memory at once, so the next
   * read sees it; resolves with it once appended to the journal and flushed to
   * the disk. Changes made in the same turn share one append. If the write fails,
   * this change and those made after it are undone and reject.
   */
  setEmailState(emailId: string, state: EmailState | undefined): Promise<EmailState | undefined> {
    if (emailId === '__proto__') {
      return Promise.reject(
        new StudylineError('invalid-input', `"${emailId}" is not a valid email id.`),
      );
    }
    const map = this.state.emails;
    const next = state === undefined ? undefined : Object.freeze({ ...state });
    const prev = emailEntry(map, emailId);
    setEmailEntry(map, emailId, next);
    tellEach(this.changeListeners, { emailId, before: prev, after: next });
    return new Promise((resolve, reject) => {
      const done = resolve as (r: unknown) => void;
      this.queue.push({ kind: 'email', emailId, state: next, prev, map, resolve: done, reject });
      this.schedule();
    });
  }

  /** Calls `listener` after every durable change (sharing logs them); returns the unsubscribe. */
  onWritten(listener: WriteListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` as each change is made in memory (sharing notes when); returns the unsubscribe. */
  onChanged(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private tell(emailIds: readonly string[] | undefined): void {
    tellEach(this.listeners, emailIds);
  }

  /** Settles once everything asked so far is written, and the journal folded into progress.json. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.journal.lines === 0) return;
    this.compactRequested = true;
    this.schedule();
    await this.writing;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.writing = this.writing.then(nextTurn).then(() => this.commit());
  }

  private async commit(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (
      batch.some((task) => task.kind === 'update') ||
      (batch.length > 0 && this.journal.needsSnapshot)
    ) {
      await this.writeSnapshot(batch, false);
    } else if (batch.length > 0) {
      await this.append(batch as EmailTask[]);
    }
    if (this.compactRequested) {
      // A turn later: whoever was just acknowledged goes on before the whole file is written.
      await nextTurn();
      await this.compact();
    }
  }

  /** Rewrites progress.json with every change so far; the journal then starts afresh. */
  private async writeSnapshot(batch: Task[], force: boolean): Promise<boolean> {
    const before = this.state;
    const applied: Array<{ task: Task; result: unknown }> = [];
    for (const task of batch) {
      if (task.kind === 'email') {
        applied.push({ task, result: task.state });
        continue;
      }
      const draft = draftOf(this.state);
      try {
        applied.push({ task, result: task.mutate(draft.value) });
      } catch (error) {
        task.reject(error);
        continue;
      }
      const previous = this.state;
      this.state = draft.finish();
      tellEach(this.changeListeners, { before: previous, after: this.state });
    }
    if (applied.length === 0 && !force) return false;
    this.inFlight = batch.filter((task): task is EmailTask => task.kind === 'email');
    const generation = this.journal.generation + 1;
    try {
      await this.snapshot.write({ ...this.state, journalGeneration: generation });
    } catch (error) {
      // A failed fold of the journal changed nothing: the changes queued meanwhile still go to the journal.
      if (applied.length > 0) {
        this.rollBack(error);
        this.state = before;
      }
      for (const { task } of applied) task.reject(error);
      return false;
    }
    this.inFlight = [];
    this.journal.restart(generation);
    this.compactRequested = false;
    this.limits = this.baseLimits;
    for (const { task, result } of applied) task.resolve(result);
    if (applied.length > 0) {
      const emails = applied.every(({ task }) => task.kind === 'email');
      this.tell(emails ? applied.map(({ task }) => (task as EmailTask).emailId) : undefined);
    }
    return true;
  }

  private async append(tasks: EmailTask[]): Promise<void> {
    this.inFlight = tasks;
    try {
      await this.journal.append(tasks.map(entryOf));
    } catch (error) {
      this.rollBack(error);
      for (const task of tasks) task.reject(error);
      return;
    }
    this.inFlight = [];
    for (const task of tasks) task.resolve(task.state);
    this.tell(tasks.map((task) => task.emailId));
    if (this.journal.bytes >= this.limits.bytes || this.journal.lines >= this.limits.lines) {
      this.compactRequested = true;
    }
  }

  private async compact(): Promise<void> {
    if (await this.writeSnapshot([], true)) return;
    this.compactRequested = false;
    // Nothing is lost (the journal holds it all) and the next update() reports the
    // disk to the learner; until then, try again once the journal has grown as much again.
    this.limits = {
      bytes: this.journal.bytes + this.baseLimits.bytes,
      lines: this.journal.lines + this.baseLimits.lines,
    };
  }

  /** Back to what is durable: email changes not yet written are undone, and queued ones fail. */
  private rollBack(error: unknown): void {
    const queued = this.queue.filter((task): task is EmailTask => task.kind === 'email');
    this.queue = this.queue.filter((task) => task.kind === 'update');
    for (const task of [...this.inFlight, ...queued].reverse()) {
      setEmailEntry(task.map, task.emailId, task.prev);
    }
    this.inFlight = [];
    for (const task of queued) task.reject(error);
  }
}
