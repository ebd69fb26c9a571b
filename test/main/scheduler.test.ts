import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '../../electron/main/scheduler';

const HOUR = 60 * 60 * 1000;

/** A sync the test finishes by hand, to hold it "running" as long as needed. */
function manualSync() {
  const finishers: (() => void)[] = [];
  const sync = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        finishers.push(resolve);
      }),
  );
  const finish = async () => {
    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { sync, finish };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createSyncScheduler', () => {
  it('syncs at start, then every N hours after the last sync ended', async () => {
    const { sync, finish } = manualSync();
    const scheduler = createSyncScheduler({ sync, everyHours: () => 4 });
    scheduler.start();
    expect(sync).toHaveBeenCalledTimes(1);
    await finish();
    await vi.advanceTimersByTimeAsync(4 * HOUR - 1000);
    expect(sync).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync).toHaveBeenCalledTimes(2);
    await finish();
    await vi.advanceTimersByTimeAsync(4 * HOUR);
    expect(sync).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('never runs two syncs at once: a slow sync delays the next, a request joins it', async () => {
    const { sync, finish } = manualSync();
    const scheduler = createSyncScheduler({ sync, everyHours: () => 1 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    const joined = scheduler.syncNow();
    expect(sync).toHaveBeenCalledTimes(1);
    await finish();
    await expect(joined).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(sync).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('keeps its schedule when a sync fails (offline)', async () => {
    const log = vi.fn();
    const sync = vi.fn(async () => {
      throw new Error('offline');
    });
    const scheduler = createSyncScheduler({ sync, everyHours: () => 2, log });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenCalledWith('automatic sync failed', expect.any(Error));
    scheduler.stop();
  });

  it('restarts the wait after a sync on demand', async () => {
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => 4 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    await scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1 * HOUR);
    expect(sync).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('does nothing automatically when the learner turned it off (0 hours), but syncs on demand', async () => {
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => 0 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(sync).not.toHaveBeenCalled();
    await scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('stops syncing once stopped', async () => {
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => 1 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('catches up after sleep when the last sync is too old, and not otherwise', async () => {
    let clock = 0;
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => 4, now: () => clock });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    clock = 1 * HOUR;
    scheduler.onResume();
    expect(sync).toHaveBeenCalledTimes(1);
    clock = 9 * HOUR; // the laptop slept; the timer did not count that time
    scheduler.onResume();
    expect(sync).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('reads the interval again before every wait (settings change)', async () => {
    let hours = 4;
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => hours });
    scheduler.start();
    hours = 1;
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(sync).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });

  it('applies a new interval at once, counted from the last sync, and stops when turned off', async () => {
    let hours = 8;
    const sync = vi.fn(async () => undefined);
    const scheduler = createSyncScheduler({ sync, everyHours: () => hours });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    hours = 4;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(sync).toHaveBeenCalledTimes(2);
    hours = 0;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(sync).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });
});
