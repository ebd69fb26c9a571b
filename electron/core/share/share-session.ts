import os from 'node:os';
import type { ShareStatus } from '../../shared/types';
import { StudylineError } from '../errors';
import type { ProgressStore } from '../library/progress-store';
import { applyShared, loadSharedChecks } from './apply-shared';
import { HybridClock } from './hlc';
import { LocalChanges } from './local-changes';
import { reconcileAll, type Reconciled } from './reconcile';
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
  /** Changes made here and not logged yet, with when they were made. */
  private readonly changes: LocalChanges;
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
    this.changes = new LocalChanges(this.clock);
    if (config.folder) {
      this.folder = this.folderAt(config.folder);
      this.changes.restore(config.pending ?? {}, options.progress.data);
    }
  }

  static async open(options: ShareSessionOptions): Promise<ShareSession> {
    const file = new ShareConfigFile(options.dataDir, undefined, options.onNotice);
    const config = await file.readOrOff(options.host ?? os.hostname(), options.onNotice);
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
      pending: this.changes.size > 0,
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
      await this.file.write({ ...this.config, folder: undefined, seen: {}, pending: undefined });
      this.config = { ...this.config, folder: undefined, seen: {}, pending: undefined };
      clearInterval(this.timer);
      this.timer = undefined;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.folder = undefined;
      this.problem = undefined;
      this.changes.clear();
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
      if (this.changes.size > 0) await this.logLocal();
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
    this.unsubscribe ??= this.followChanges();
    if (this.options.pollMs && !this.timer) {
      const look = async () => {
        await this.pass();
        this.tell();
      };
      this.timer = setInterval(() => void this.enqueue(look), this.options.pollMs);
      this.timer.unref();
    }
  }

  /** Notes each change as it is made (when, and which values); logs it once it is written. */
  private followChanges(): () => void {
    const { progress } = this.options;
    const stopNoting = progress.onChanged((change) =>
      this.changes.notice(change, this.folder?.ready ? this.folder.view : undefined),
    );
    const stopLogging = progress.onWritten(() => this.logSoon());
    return () => {
      stopNoting();
      stopLogging();
    };
  }

  private logSoon(): void {
    if (this.logScheduled || this.changes.size === 0) return;
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
    await loadSharedChecks();
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
    if (!changed && this.inStep && this.changes.size === 0) return;
    this.inStep = false;
    let found = this.changes.compareAll(this.options.progress.data, folder.view);
    if (found.take.length > 0) {
      const taken = await this.take(folder);
      if (!taken) return;
      this.options.onTaken?.(taken.take.map(({ key }) => key));
    }
    if (folder.markSeen(this.config.seen)) await this.saveConfig();
    // Half a log in the folder: what came from it would look like this computer's changes.
    if (folder.behind) return;
    // Taking in changed the progress, and the learner may have meanwhile.
    if (found.take.length > 0)
      found = this.changes.compareAll(this.options.progress.data, folder.view);
    this.inStep = await this.append(found.log);
    if (this.inStep && folder.forgetGone(this.config.seen)) await this.saveConfig();
  }

  /** Applies the others' changes in one write, deciding again on the state as it is then. */
  private async take(folder: SharedFolder): Promise<Reconciled | undefined> {
    try {
      return await this.options.progress.update((draft) => {
        const found = reconcileAll(draft, folder.view, this.changes.changedAt);
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
    this.config.pending = this.changes.stamps();
    await this.file.write(this.config).catch((error: unknown) => {
      this.problem = progressProblem(error);
    });
  }

  private async logLocal(): Promise<void> {
    const folder = this.folder;
    if (!folder?.ready || folder.behind || this.changes.size === 0) return;
    const found = this.changes.comparePending(this.options.progress.data, folder.view);
    await this.append(found.log);
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
      // Everything is compared again on the next pass (the changes here stay noted).
      this.inStep = false;
      return false;
    }
    this.changes.logged(entries);
    return true;
  }
}
