import { afterEach, describe, expect, test, vi } from 'vitest';
import { afterOpening } from '../../../electron/core/app/after-opening';

afterEach(() => vi.useRealTimers());

describe('background preparation after opening', () => {
  test('waits its delay, so the first reads come first, then runs once', () => {
    vi.useFakeTimers();
    const prepare = vi.fn();
    afterOpening(2_000, prepare);
    vi.advanceTimersByTime(1_999);
    expect(prepare).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(prepare).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  test('never runs once the core has closed', () => {
    vi.useFakeTimers();
    const prepare = vi.fn();
    afterOpening(2_000, prepare).cancel();
    vi.advanceTimersByTime(5_000);
    expect(prepare).not.toHaveBeenCalled();
  });

  test('does not keep a command running while it waits', async () => {
    const prepare = vi.fn();
    const active = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = active();
    const waiting = afterOpening(60_000, prepare);
    // An unref'd timer is not an active resource: the process may exit under it.
    expect(active()).toBe(before);
    waiting.cancel();
  });
});
