import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLOCK_CHECK_EVERY_MS,
  localCalendarKey,
  watchClock,
} from '../../electron/main/clock-watch';

describe('localCalendarKey', () => {
  it('changes with the zone, and leaves a TZ the learner set alone', () => {
    const saved = process.env.TZ;
    try {
      const at = Date.parse('2026-03-02T23:30:00.000Z');
      process.env.TZ = 'Europe/Paris';
      const paris = localCalendarKey(at);
      expect(process.env.TZ).toBe('Europe/Paris');
      expect(paris).toBe('Europe/Paris -60 2026-3-3');
      process.env.TZ = 'America/New_York';
      expect(localCalendarKey(at)).toBe('America/New_York 300 2026-3-2');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('watchClock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T08:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  const watch = (onChange: () => void) =>
    watchClock({
      now: Date.now,
      monotonic: () => performance.now(),
      calendarKey: () => 'same zone, same day',
      setTimer: (callback, ms) => {
        const handle = setTimeout(callback, ms);
        return () => clearTimeout(handle);
      },
      onChange,
    });

  it('stays quiet while time simply passes, and speaks up within a minute of a jump', async () => {
    const onChange = vi.fn();
    const stop = watch(onChange);
    await vi.advanceTimersByTimeAsync(60 * CLOCK_CHECK_EVERY_MS);
    expect(onChange).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() - 5 * 60 * 1000);
    await vi.advanceTimersByTimeAsync(CLOCK_CHECK_EVERY_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * CLOCK_CHECK_EVERY_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
