export type SetTimer = (callback: () => void, ms: number) => () => void;

export const CLOCK_CHECK_EVERY_MS = 60 * 1000;
/** Wall clock and monotonic clock disagreeing by more than this means the clock was set (or we slept). */
export const CLOCK_JUMP_MS = 30 * 1000;

export const defaultSetTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/**
 * Node, and so Electron's main process (electron/electron#33723), keeps the
 * system zone it read at start. Deleting an unset TZ makes V8 and ICU detect
 * it again (checked on Node 20 by moving /etc/localtime), so a learner who
 * travels gets reminders at their new local time. A TZ set on purpose stays.
 */
export function redetectSystemZone(): void {
  if (process.env.TZ === undefined) delete process.env.TZ;
}

/** The zone as the core will see it, its current offset (DST) and the local day. */
export function localCalendarKey(at: number): string {
  redetectSystemZone();
  const date = new Date(at);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
  return `${zone} ${date.getTimezoneOffset()} ${day}`;
}

export interface ClockWatchOptions {
  /** Wall clock, epoch ms. */
  now: () => number;
  /** A clock that never jumps (does not count sleep on macOS and Linux). */
  monotonic: () => number;
  /** Changes when the time zone, its offset or the local day changes. */
  calendarKey: (at: number) => string;
  setTimer: SetTimer;
  onChange: () => void;
}

/**
 * Once a minute, cheaply: did the wall clock jump against the monotonic one
 * (set by hand or by the network, or the machine slept), or did the zone or
 * the local day change? Returns a function that stops watching.
 */
export function watchClock(options: ClockWatchOptions): () => void {
  const { now, monotonic, calendarKey, setTimer } = options;
  let last = { wall: now(), mono: monotonic(), key: calendarKey(now()) };
  let cancel: () => void;
  const check = () => {
    const wall = now();
    const mono = monotonic();
    const key = calendarKey(wall);
    const drift = wall - last.wall - (mono - last.mono);
    const changed = Math.abs(drift) > CLOCK_JUMP_MS || key !== last.key;
    last = { wall, mono, key };
    cancel = setTimer(check, CLOCK_CHECK_EVERY_MS);
    if (changed) options.onChange();
  };
  cancel = setTimer(check, CLOCK_CHECK_EVERY_MS);
  return () => cancel();
}
