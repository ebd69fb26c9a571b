const HOUR_MS = 60 * 60 * 1000;
// setTimeout overflows past ~24.8 days and would then fire immediately, in a loop.
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface SchedulerOptions {
  /** Runs one sync; its own failures (offline, feed down) are reported, not thrown. */
  sync: () => Promise<unknown>;
  /** Hours between automatic syncs; 0 turns automatic syncing off. Read before every wait. */
  everyHours: () => number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface SyncScheduler {
  /** Syncs now, then every N hours. */
  start(): void;
  /** Syncs on demand (menu, tray); joins a sync already running. Restarts the wait. */
  syncNow(): Promise<void>;
  /** After sleep: timers were frozen, so catch up when the last sync is too old. */
  onResume(): void;
  /** The interval setting changed: wait from the last sync by the new interval. */
  reschedule(): void;
  stop(): void;
}

/**
 * Automatic syncing. The next sync is planned when the previous one ends, so a
 * slow sync never overlaps the next; a request while one runs joins it. A
 * failed sync (learner offline) just waits for the next turn.
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let lastRunAt: number | undefined;
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
    timer = setTimeout(() => void run(), waitMs ?? delay);
  };

  const run = (): Promise<void> => {
    if (running) return running;
    clearTimeout(timer);
    lastRunAt = now();
    running = options
      .sync()
      .then(
        () => undefined,
        (error: unknown) => options.log?.('automatic sync failed', error),
      )
      .finally(() => {
        running = undefined;
        planNext();
      });
    return running;
  };

  /** Runs now when the last sync is older than the interval, else waits for the rest of it. */
  const replan = () => {
    const delay = intervalMs();
    if (stopped || running) return;
    if (delay === undefined) {
      planNext();
      return;
    }
    const since = lastRunAt === undefined ? delay : now() - lastRunAt;
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
    onResume: replan,
    reschedule: replan,
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
