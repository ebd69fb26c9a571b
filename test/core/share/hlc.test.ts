import { describe, expect, it } from 'vitest';
import {
  HybridClock,
  isStamp,
  makeStamp,
  parseStamp,
  wallOf,
} from '../../../electron/core/share/hlc';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

describe('hybrid logical clock', () => {
  it('orders stamps by time, then counter', () => {
    const early = makeStamp({ wall: T0, counter: 35 });
    const later = makeStamp({ wall: T0 + 1, counter: 0 });
    const sameMsLater = makeStamp({ wall: T0, counter: 36 });
    expect(early < sameMsLater).toBe(true);
    expect(sameMsLater < later).toBe(true);
    expect(parseStamp(sameMsLater)).toEqual({ wall: T0, counter: 36 });
    expect(wallOf(later)).toBe(T0 + 1);
    expect(isStamp(later)).toBe(true);
    expect(isStamp('not a stamp')).toBe(false);
    expect(isStamp(-1)).toBe(false);
  });

  it('never runs backwards when the computer clock is set back', () => {
    let now = T0;
    const clock = new HybridClock(() => now);
    const first = clock.tick();
    now = T0 - 2 * HOUR;
    const second = clock.tick();
    const third = clock.tick();
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
    expect(wallOf(third)).toBe(T0);
  });

  it('stamps a change made after seeing another computer’s later than it, even when hours behind', () => {
    const laptop = new HybridClock(() => T0 - 5 * HOUR);
    const desktop = new HybridClock(() => T0);
    const desktopChange = desktop.tick();
    laptop.observe(desktopChange);
    expect(laptop.tick() > desktopChange).toBe(true);
  });

  it('goes on from a saved stamp after a restart', () => {
    const saved = makeStamp({ wall: T0 + HOUR, counter: 3 });
    const clock = new HybridClock(() => T0, saved);
    expect(clock.tick() > saved).toBe(true);
  });

  it('borrows the next millisecond when a millisecond’s counter is used up', () => {
    const clock = new HybridClock(() => T0, makeStamp({ wall: T0, counter: 4095 }));
    expect(parseStamp(clock.tick())).toEqual({ wall: T0 + 1, counter: 0 });
  });

  it('hands out consecutive stamps for a batch, the next tick after all of them', () => {
    const clock = new HybridClock(() => T0);
    const first = clock.tickMany(3);
    expect(clock.tick()).toBe(first + 3);
  });
});
