/**
 * Hybrid logical clock stamps for shared progress.
 *
 * A stamp is the wall time in milliseconds and a counter, written as a
 * fixed-width string (`wwwwwwwww.cccc`, base 36) so that comparing two stamps
 * is comparing two strings. The clock never goes backwards and always moves
 * past every stamp it has seen: a computer whose clock is hours behind still
 * stamps a change made after seeing another computer's change as later.
 */

const WALL_DIGITS = 9;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const STAMP_PATTERN = /^[0-9a-z]{9}\.[0-9a-z]{4}$/;

export type Stamp = string;

export interface ClockState {
  wall: number;
  counter: number;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && value.length === 14 && STAMP_PATTERN.test(value);
}

export function formatStamp({ wall, counter }: ClockState): Stamp {
  return `${wall.toString(36).padStart(WALL_DIGITS, '0')}.${counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}`;
}

export function parseStamp(stamp: Stamp): ClockState {
  return {
    wall: parseInt(stamp.slice(0, WALL_DIGITS), 36),
    counter: parseInt(stamp.slice(WALL_DIGITS + 1), 36),
  };
}

/** The wall time a stamp carries, in epoch milliseconds. */
export function wallOf(stamp: Stamp): number {
  return parseInt(stamp.slice(0, WALL_DIGITS), 36);
}

export class HybridClock {
  private state: ClockState;

  constructor(
    private readonly physical: () => number,
    start?: Stamp,
  ) {
    this.state = start && isStamp(start) ? parseStamp(start) : { wall: 0, counter: 0 };
  }

  /** A stamp later than every stamp this clock issued or saw. */
  tick(): Stamp {
    const now = this.physical();
    if (now > this.state.wall) {
      this.state = { wall: now, counter: 0 };
    } else if (this.state.counter < MAX_COUNTER) {
      this.state = { wall: this.state.wall, counter: this.state.counter + 1 };
    } else {
      // 1.6 million changes in one millisecond: borrow the next millisecond.
      this.state = { wall: this.state.wall + 1, counter: 0 };
    }
    return formatStamp(this.state);
  }

  /** Takes in a stamp from another computer, so the next tick comes after it. */
  observe(stamp: Stamp): void {
    if (stamp > formatStamp(this.state)) this.state = parseStamp(stamp);
  }

  get last(): Stamp {
    return formatStamp(this.state);
  }
}
