import { powerMonitor } from 'electron';
import type { StudylineCore } from '../core/app/core-api';
import type { Reminder, RemindersView } from '../shared/types';

const MINUTE_MS = 60 * 1000;
/**
 * Never wait longer than this before asking the core again: setTimeout
 * overflows past ~24.8 days (and then fires at once, in a loop), and a fresh
 * answer every few hours costs nothing.
 */
export const MAX_WAIT_MS = 3 * 60 * MINUTE_MS;
/** A fire time already past (clock skew) waits this long instead of spinning. */
const MIN_WAIT_MS = 1000;
export const CLOCK_CHECK_EVERY_MS = MINUTE_MS;
/** Wall clock and monotonic clock disagreeing by more than this means the clock was set (or we slept). */
export const CLOCK_JUMP_MS = 30 * 1000;

export type SetTimer = (callback: () => void, ms: number) => () => void;

export interface ReminderTimerOptions {
  core: Pick<StudylineCore, 'reminders' | 'markRemindersShown'>;
  /** Shows one reminder (a notification); may throw, the others are still shown. */
  notify: (reminder: Reminder) => void;
  /** Told after every plan (the tray shows dueCount). */
  onPlanned?: (view: RemindersView) => void;
  /** Wall clock, epoch ms. */
  now?: () => number;
  /** A clock that never jumps (does not count sleep on macOS and Linux). */
  monotonic?: () => number;
  /** Changes when the time zone, its offset or the local day changes. */
  calendarKey?: (at: number) => string;
  setTimer?: SetTimer;
  log?: (message: string, error?: unknown) => void;
}

export interface ReminderTimer {
  /** Plans now, then keeps planning until stopped. Idempotent. */
  start(): void;
  /** Asks the core again (after any change); concurrent calls coalesce into one more pass. */
  replan(): Promise<void>;
  stop(): void;
}

const defaultSetTimer: SetTimer = (callback, ms) => {
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

/** How long to wait for `nextFireAt`, clamped to [MIN_WAIT_MS, MAX_WAIT_MS]. */
export function waitFor(nextFireAt: string | undefined, nowMs: number): number {
  const target = nextFireAt === undefined ? Number.NaN : Date.parse(nextFireAt);
  if (!Number.isFinite(target)) return MAX_WAIT_MS;
  return Math.min(Math.max(target - nowMs, MIN_WAIT_MS), MAX_WAIT_MS);
}

/**
 * Main's half of reminders: the core decides what and when; this arms one
 * timer for the next reminder and asks again whenever the answer may have
 * changed (a change, waking up, unlocking, the clock or zone moving, a new
 * day). Passes never overlap, and each shown reminder is stored before the
 * next pass asks, so waking (which fires several triggers at once) shows a
 * missed reminder exactly once.
 */
export function createReminderTimer(options: ReminderTimerOptions): ReminderTimer {
  const now = options.now ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  const calendarKey = options.calendarKey ?? localCalendarKey;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const log = options.log ?? (() => undefined);
  // Belt and braces: if storing the records fails, this run still never repeats one.
  const shownThisRun = new Set<string>();
  let started = false;
  let cancelFire: (() => void) | undefined;
  let cancelCheck: (() => void) | undefined;
  let planning: Promise<void> | undefined;
  let again = false;
  let last = { wall: 0, mono: 0, key: '' };

  const arm = (nextFireAt: string | undefined) => {
    cancelFire?.();
    cancelFire = setTimer(
      () => {
        cancelFire = undefined;
        void replan();
      },
      waitFor(nextFireAt, now()),
    );
  };

  const show = async (view: RemindersView) => {
    const fresh = view.showNow.filter((reminder) => !shownThisRun.has(reminder.key));
    for (const reminder of fresh) {
      shownThisRun.add(reminder.key);
      try {
        options.notify(reminder);
      } catch (error) {
        log(`could not show the reminder ${reminder.key}`, error);
      }
    }
    if (fresh.length > 0) await options.core.markRemindersShown(fresh.map((r) => r.record));
  };

  const planOnce = async () => {
    let view: RemindersView | undefined;
    try {
      view = await options.core.reminders();
      await show(view);
    } catch (error) {
      log('could not plan reminders', error);
    }
    if (!started) return;
    arm(view?.nextFireAt);
    if (view) options.onPlanned?.(view);
  };

  const replan = (): Promise<void> => {
    if (!started) return Promise.resolve();
    again = true;
    planning ??= (async () => {
      try {
        while (again && started) {
          again = false;
          await planOnce();
        }
      } finally {
        // Runs in the same turn as the last `again` check, so no request slips between.
        planning = undefined;
      }
    })();
    return planning;
  };

  const check = () => {
    const wall = now();
    const mono = monotonic();
    const key = calendarKey(wall);
    const drift = wall - last.wall - (mono - last.mono);
    const changed = Math.abs(drift) > CLOCK_JUMP_MS || key !== last.key;
    last = { wall, mono, key };
    cancelCheck = setTimer(check, CLOCK_CHECK_EVERY_MS);
    if (changed) void replan();
  };

  const onWake = () => void replan();

  return {
    start() {
      if (started) return;
      started = true;
      last = { wall: now(), mono: monotonic(), key: calendarKey(now()) };
      cancelCheck = setTimer(check, CLOCK_CHECK_EVERY_MS);
      powerMonitor.on('resume', onWake);
      powerMonitor.on('unlock-screen', onWake);
      void replan();
    },
    replan,
    stop() {
      started = false;
      cancelFire?.();
      cancelCheck?.();
      cancelFire = cancelCheck = undefined;
      powerMonitor.off('resume', onWake);
      powerMonitor.off('unlock-screen', onWake);
    },
  };
}
