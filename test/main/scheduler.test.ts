import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jitteredDelay } from '../../electron/core/sync/sync-timing';
import { createSyncScheduler } from '../../electron/main/scheduler';
import type { SchedulerSyncs } from '../../electron/main/scheduler';

const HOUR = 60 * 60 * 1000;
/** The interval as it is, for the tests about when syncs happen; jitter has its own test. */
const exact = (ms: number) => ms;

/**
 * The core's sync state in miniature, as main adapts it for the scheduler:
 * one sync at a time; asking while one runs waits for it. `manual` holds each
 * sync "running" until the test finishes it.
 */
function fakeSyncs(options: { manual?: boolean; fail?: boolean; clock?: () => number } = {}) {
  const clock = options.clock ?? Date.now;
  const finishers: (() => void)[] = [];
  let running: Promise<void> | undefined;
  let lastEnded: number | undefined;
  const started = vi.fn();
  const syncs: SchedulerSyncs = {
    syncAll() {
      if (running) return running;
      started();
      const work = options.manual
        ? new Promise<void>((resolve) => finishers.push(resolve))
        : Promise.resolve();
      running = work
        .then(() => {
          if (options.fail) throw new Error('offline');
        })
        .finally(() => {
          running = undefined;
          lastEnded = clock();
        });
      return running;
    },
    isSyncing: () => running !== undefined,
    lastSyncEndedAt: () => lastEnded,
  };
  const finish = async () => {
    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { syncs, started, finish };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createSyncScheduler', () => {
  it('spreads automatic syncs: each wait is the interval ± 10%, drawn afresh', async () => {
    const { syncs, started, finish } = fakeSyncs({ manual: true });
    const draws = [0, 1];
    const jitter = (ms: number) => jitteredDelay(ms, () => draws.shift() ?? 0.5);
    const scheduler = createSyncScheduler({ syncs, everyHours: () => 10, jitter });
    scheduler.start();
    await finish();
    await vi.advanceTimersByTimeAsync(9 * HOUR - 1000);
    expect(started).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toHaveBeenCalledTimes(2);
    await finish();
    await vi.advanceTimersByTimeAsync(11 * HOUR - 1000);
    expect(started).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('syncs at start, then every N hours after the last sync ended', async () => {
    const { syncs, started, finish } = fakeSyncs({ manual: true });
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 4 });
    scheduler.start();
    expect(started).toHaveBeenCalledTimes(1);
    await finish();
    await vi.advanceTimersByTimeAsync(4 * HOUR - 1000);
    expect(started).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toHaveBeenCalledTimes(2);
    await finish();
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(started).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('never runs two syncs at once: a slow sync delays the next, a request waits for it', async () => {
    const { syncs, started, finish } = fakeSyncs({ manual: true });
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 1 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    const joined = scheduler.syncNow();
    expect(started).toHaveBeenCalledTimes(1);
    await finish();
    await expect(joined).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('keeps its schedule when a sync fails (offline)', async () => {
    const log = vi.fn();
    const { syncs, started } = fakeSyncs({ fail: true });
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 2, log });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(started).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenCalledWith('automatic sync failed', expect.any(Error));
    scheduler.stop();
  });

  it('restarts the wait after a sync on demand', async () => {
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 4 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    await scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1 * HOUR);
    expect(started).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('restarts the wait after a sync the window started (told by the core)', async () => {
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 4 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    scheduler.synced();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(started).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 * HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('does nothing automatically when the learner turned it off (0 hours), but syncs on demand', async () => {
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 0 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(started).not.toHaveBeenCalled();
    await scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('stops syncing once stopped', async () => {
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => 1 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('catches up after sleep when the last sync is too old, and not otherwise', async () => {
    let clock = 0;
    const { syncs, started } = fakeSyncs({ clock: () => clock });
    const scheduler = createSyncScheduler({
      syncs,
      jitter: exact,
      everyHours: () => 4,
      now: () => clock,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    clock = 1 * HOUR;
    scheduler.onResume();
    expect(started).toHaveBeenCalledTimes(1);
    clock = 9 * HOUR; // the laptop slept; the timer did not count that time
    scheduler.onResume();
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('on resume leaves a running sync alone: its end plans the next', async () => {
    let clock = 0;
    const { syncs, started, finish } = fakeSyncs({ manual: true, clock: () => clock });
    const scheduler = createSyncScheduler({
      syncs,
      jitter: exact,
      everyHours: () => 4,
      now: () => clock,
    });
    scheduler.start();
    clock = 9 * HOUR;
    scheduler.onResume();
    expect(started).toHaveBeenCalledTimes(1);
    await finish();
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('reads the interval again before every wait (settings change)', async () => {
    let hours = 4;
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => hours });
    scheduler.start();
    hours = 1;
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('applies a new interval at once, counted from the last sync, and stops when turned off', async () => {
    let hours = 8;
    const { syncs, started } = fakeSyncs();
    const scheduler = createSyncScheduler({ syncs, jitter: exact, everyHours: () => hours });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    hours = 4;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    hours = 0;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(started).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });
});
