import os from 'node:os';
import type { ShareStatus } from '../../shared/types';
import { describeError, StudylineError } from '../errors';
import type { ProgressStore } from '../library/progress-store';
import { applyShared } from './apply-shared';
import { HybridClock } from './hlc';
import { reconcileAll, reconcileEmails, type Reconciled } from './reconcile';
import { ShareConfigFile, type ShareConfig } from './share-config';
import { checkFolder } from './share-folder-check';
import {
  folderProblem,
  newerProblem,
  progressProblem,
  writeProblem,
  type ShareProblem,
} from './share-problems';
import { describeShare } from './share-status';
import { SharedFolder } from './shared-folder';
import type { SharedKey } from './shared-keys';

export interface ShareSessionOptions {
  dataDir: string;
  progress: ProgressStore;
  now: () => Date;
  /** Never writes: sharing is reported but no pass runs (read-only commands). */
  readOnly?: boolean;
  /** Look at the shared folder this often (the app); without it, on opening and on demand. */
  pollMs?: number;
  /** Changes from other computers were taken into the progress: which values. */
  onTaken?: (taken: readonly SharedKey[]) => void;
  /** What `status()` says changed (the moment of the last look aside): the window's line. */
  onStatus?: (status: ShareStatus) => void;
  onNotice?: (message: string) => void;
  /** The computer's name (tests play several computers on one machine). */
  host?: string;
}

/**
 * Keeps this computer's progress in step with the learner's other computers
 * through a shared folder: logs each local change (stamped by a hybrid
 * logical clock) in its own file there, and takes in what the others logged.
 * Every step runs in one queue, so a look at the folder never interleaves
 * with logging a change.
 */
export class ShareSession {
  private folder?: SharedFolder;
  private readonly clock: HybridClock;
  private problem?: ShareProblem;
  private checkedAt?: string;
  /** Local changes not logged yet: email ids, or 'all' after a whole-file change. */
  private dirty: Set<string> | 'all' | undefined;
  private logScheduled = false;
  /** The last pass compared everything and nothing failed since. */
  private inStep = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  /** The status last told through `onStatus`, without its checkedAt. */
  private told?: string;

  private constructor(
    private config: ShareConfig,
    private readonly file: ShareConfigFile,
    private readonly options: ShareSessionOptions,
  ) {
    this.clock = new HybridClock(() => options.now().getTime(), config.clock);
    if (config.folder) this.folder = this.folderAt(config.folder);
  }

  static async open(options: ShareSessionOptions): Promise<ShareSession> {
    const file = new ShareConfigFile(options.dataDir, undefined, options.onNotice);
    const host = options.host ?? os.hostname();
    let config: ShareConfig;
    try {
      config = await file.read(host);
    } catch (error) {
      // Sharing is an extra: a damaged share.json must not keep the learner out of Studyline.
      options.onNotice?.(
        `${describeError(error)} Sharing with your other computers is off until you turn it on again.`,
      );
      config = await file.read(host, true);
    }
    const session = new ShareSession(config, file, options);
    if (session.folder && !options.readOnly) {
      session.listen();
      await session.enqueue(() => session.pass());
    }
    return session;
  }

  status(): ShareStatus {
    return describeShare({
      folder: this.config.folder,
      self: { id: this.config.deviceId, name: this.config.deviceName },
      logs: this.folder?.logs ?? [],
      problem: this.problem,
      pending: this.dirty !== undefined,
      checkedAt: this.checkedAt,
      now: this.options.now(),
    });
  }

  /** Starts sharing through `folder` (or moves to another one). */
  start(folder: string): Promise<ShareStatus> {
    return this.enqueue(async () => {
      const resolved = await checkFolder(folder, this.options.dataDir);
      const next = this.folderAt(resolved);
      try {
        await next.join();
      } catch (error) {
        throw new StudylineError('disk', writeProblem(error, resolved).message, { cause: error });
      }
      const moved = resolved !== this.config.folder;
      await this.file.write({
        ...this.config,
        folder: resolved,
        seen: moved ? {} : this.config.seen,
      });
      this.config = { ...this.config, folder: resolved, seen: moved ? {} : this.config.seen };
      this.folder = next;
      this.problem = undefined;
      this.listen();
      await this.pass();
      return this.tell();
    });
  }

  /** Stops sharing; what this computer logged stays in the folder for the others. */
  stop(): Promise<ShareStatus> {
    return this.enqueue(async () => {
      await this.file.write({ ...this.config, folder: undefined, seen: {} });
      this.config = { ...this.config, folder: undefined, seen: {} };
      clearInterval(this.timer);
      this.timer = undefined;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.folder = undefined;
      this.problem = undefined;
      this.dirty = undefined;
      return this.tell();
    });
  }

  /** One look at the folder now: takes in the others' changes and logs this computer's. */
  syncNow(): Promise<ShareStatus> {
    return this.enqueue(async () => {
      await this.pass();
      return this.tell();
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.enqueue(async () => {
      if (this.dirty !== undefined) await this.logLocal();
      if (this.folder && !this.options.readOnly) await this.saveConfig();
    });
  }

  /** The status, told through `onStatus` when it differs from the one told last. */
  private tell(): ShareStatus {
    const status = this.status();
    const { checkedAt: _checkedAt, ...rest } = status;
    const text = JSON.stringify(rest);
    if (text !== this.told) {
      this.told = text;
      this.options.onStatus?.(status);
    }
    return status;
  }

  private folderAt(folder: string): SharedFolder {
    return new SharedFolder(folder, { device: this.config.deviceId, name: this.config.deviceName });
  }

  private listen(): void {
    this.unsubscribe ??= this.options.progress.onWritten((ids) => this.changedHere(ids));
    if (this.options.pollMs && !this.timer) {
      const look = async () => {
        await this.pass();
        this.tell();
      };
      this.timer = setInterval(() => void this.enqueue(look), this.options.pollMs);
      this.timer.unref();
    }
  }

  private changedHere(emailIds: readonly string[] | undefined): void {
    if (emailIds === undefined || this.dirty === 'all') this.dirty = 'all';
    else {
      this.dirty ??= new Set();
      for (const id of emailIds) this.dirty.add(id);
    }
    if (this.logScheduled) return;
    this.logScheduled = true;
    void this.enqueue(async () => {
      this.logScheduled = false;
      await this.logLocal();
      this.tell();
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads the folder, takes in what is new, logs what this computer has not logged yet. */
  private async pass(): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    let changed: boolean;
    try {
      changed = await folder.look(this.config.seen, this.clock, this.options.now().getTime());
      const newer = folder.newerLogs();
      this.problem = newer.length > 0 ? newerProblem(newer) : undefined;
    } catch (error) {
      this.problem = folderProblem(error, folder.path);
      this.inStep = false;
      return;
    } finally {
      this.checkedAt = this.options.now().toISOString();
    }
    // Nothing new in the folder or here: a look every few seconds costs a listing and a stat.
    if (!changed && this.inStep && this.dirty === undefined) return;
    this.inStep = false;
    // Compared whole now: only changes made from here on are left to log.
    this.dirty = undefined;
    let found = reconcileAll(this.options.progress.data, folder.view);
    if (found.take.length > 0) {
      const taken = await this.take(folder);
      if (!taken) return;
      found = taken;
      this.options.onTaken?.(taken.take.map(({ key }) => key));
    }
    if (folder.markSeen(this.config.seen)) await this.saveConfig();
    // Half a log in the folder: what came from it would look like this computer's changes.
    if (folder.behind) return;
    this.inStep = await this.append(found.log);
  }

  /** Applies the others' changes in one write, deciding again on the state as it is then. */
  private async take(folder: SharedFolder): Promise<Reconciled | undefined> {
    try {
      return await this.options.progress.update((draft) => {
        const found = reconcileAll(draft, folder.view);
        for (const { key, value } of found.take) applyShared(draft, key, value);
        return found;
      });
    } catch (error) {
      this.problem = progressProblem(error);
      return undefined;
    }
  }

  private async saveConfig(): Promise<void> {
    this.config.clock = this.clock.last;
    await this.file.write(this.config).catch((error: unknown) => {
      this.problem = progressProblem(error);
    });
  }

  private async logLocal(): Promise<void> {
    const dirty = this.dirty;
    if (!this.folder?.ready || this.folder.behind || dirty === undefined) return;
    this.dirty = undefined;
    const data = this.options.progress.data;
    const view = this.folder.view;
    await this.append(
      (dirty === 'all' ? reconcileAll(data, view) : reconcileEmails(data, view, dirty)).log,
    );
  }

  /** False when the folder could not be written (everything is compared again next time). */
  private async append(entries: Reconciled['log']): Promise<boolean> {
    if (entries.length === 0 || !this.folder || this.options.readOnly) return true;
    const first = this.clock.tickMany(entries.length);
    const records = entries.map(({ key, value }, i) => ({ stamp: first + i, key, value }));
    try {
      await this.folder.append(records);
    } catch (error) {
      this.problem = writeProblem(error, this.folder.path);
      // Everything is compared again on the next pass, so nothing is forgotten.
      this.dirty = 'all';
      this.inStep = false;
      return false;
    }
    return true;
  }
}
