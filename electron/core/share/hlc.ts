/**
 * Hybrid logical clock stamps for shared progress.
 *
 * A stamp packs the wall time (milliseconds since 2020) and a counter into
 * one integer: `wall * 4096 + counter`, so comparing stamps is comparing
 * numbers and "the next stamp" is `stamp + 1` (a counter past 4095 simply
 * borrows the next millisecond). The clock never goes backwards and always
 * moves past every stamp it has seen: a computer whose clock is hours behind
 * still stamps a change made after seeing another computer's as later.
 * Integers stay exact up to 2^53, which is the year 2089.
 */

const EPOCH = Date.UTC(2020, 0, 1);
const COUNTER_RANGE = 4096;

export type Stamp = number;

export interface ClockState {
  wall: number;
  counter: number;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function makeStamp({ wall, counter }: ClockState): Stamp {
  return Math.max(0, wall - EPOCH) * COUNTER_RANGE + counter;
}

export function parseStamp(stamp: Stamp): ClockState {
  return { wall: wallOf(stamp), counter: stamp % COUNTER_RANGE };
}

/** The wall time a stamp carries, in epoch milliseconds. */
export function wallOf(stamp: Stamp): number {
  return Math.floor(stamp / COUNTER_RANGE) + EPOCH;
}

export class HybridClock {
  private lastStamp: Stamp;

  constructor(
    private readonly physical: () => number,
    start?: Stamp,
  ) {
    this.lastStamp = isStamp(start) ? start : 0;
  }

  /** A stamp later than every stamp this clock issued or saw. */
  tick(): Stamp {
    return this.tickMany(1);
  }

  /**
   * The first of `count` consecutive stamps, all later than every stamp
   * issued or seen: a batch of changes is written with its first stamp only.
   */
  tickMany(count: number): Stamp {
    const first = Math.max(this.lastStamp + 1, makeStamp({ wall: this.physical(), counter: 0 }));
    this.lastStamp = first + Math.max(1, count) - 1;
    return first;
  }

  /** Takes in a stamp from another computer, so the next tick comes after it. */
  observe(stamp: Stamp): void {
    if (stamp > this.lastStamp) this.lastStamp = stamp;
  }

  get last(): Stamp {
    return this.lastStamp;
  }
}
