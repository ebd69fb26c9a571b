import { jitteredDelay } from '../core/sync/sync-timing';

const HOUR_MS = 60 * 60 * 1000;
// setTimeout overflows past ~24.8 days and would then fire immediately, in a loop.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** What the scheduler reads of the core's one sync state (electron/core/app/sync-runner.ts). */
export interface SchedulerSyncs {
  /** Syncs the whole library, or waits for the sync already running; failures are reported, not thrown. */
  syncAll(): Promise<unknown>;
  isSyncing(): boolean;
  /** When the last sync ended, whoever started it (epoch ms). */
  lastSyncEndedAt(): number | undefined;
}

export interface SchedulerOptions {
  syncs: SchedulerSyncs;
  /** Hours between automatic syncs; 0 turns automatic syncing off. Read before every wait. */
  everyHours: () => number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** The wait actually used for an interval (default: ± 10% at random, see sync-timing). */
  jitter?: (intervalMs: number) => number;
}

export interface SyncScheduler {
  /** Syncs now, then every N hours. */
  start(): void;
  /** Syncs on demand (menu, tray); waits for a sync already running instead of starting another. */
  syncNow(): Promise<void>;
  /** A sync ended (whoever started it): the next automatic one waits a whole interval from now. */
  synced(): void;
  /** After sleep: timers were frozen, so catch up when the last sync is too old. */
  onResume(): void;
  /** The interval setting changed: wait from the last sync by the new interval. */
  reschedule(): void;
  stop(): void;
}

/**
 * Automatic syncing. The next sync is planned when the previous one ends, so a
 * slow sync never overlaps the next; whether one runs is the core's answer,
 * not a guess of the scheduler's. A failed sync (learner offline) just waits
 * for the next turn.
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { syncs } = options;
  const now = options.now ?? Date.now;
  const jitter = options.jitter ?? ((ms: number) => jitteredDelay(ms));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;

  const intervalMs = () => {
    const hours = options.everyHours();
    return Number.isFinite(hours) && hours > 0
      ? Math.min(hours * HOUR_MS, MAX_DELAY_MS)
      : undefined;
  };

  const planNext = (waitMs?: number) => {
    clearTimeout(timer);
    timer = undefined;
    const delay = intervalMs();
    if (stopped || delay === undefined) return;
    timer = setTimeout(() => void run(), waitMs ?? Math.min(jitter(delay), MAX_DELAY_MS));
  };

  const run = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    try {
      await syncs.syncAll();
    } catch (error) {
      options.log?.('automatic sync failed', error);
    }
    planNext();
  };

  /** Runs now when the last sync is older than the interval, else waits for the rest of it. */
  const replan = () => {
    const delay = intervalMs();
    // The end of the running sync plans the next one.
    if (stopped || syncs.isSyncing()) return;
    if (delay === undefined) {
      planNext();
      return;
    }
    const last = syncs.lastSyncEndedAt();
    const since = last === undefined ? delay : now() - last;
    if (since >= delay) void run();
    else planNext(delay - since);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      if (intervalMs() !== undefined) void run();
    },
    syncNow: run,
    synced: () => planNext(),
    onResume: replan,
    reschedule: replan,
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
