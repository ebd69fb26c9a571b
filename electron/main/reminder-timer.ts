import { powerMonitor } from 'electron';
import type { StudylineCore } from '../core/app/core-api';
import type { Reminder, RemindersView } from '../shared/types';
import { defaultSetTimer, localCalendarKey, watchClock } from './clock-watch';
import type { SetTimer } from './clock-watch';

/**
 * Never wait longer than this before asking the core again: setTimeout
 * overflows past ~24.8 days (and then fires at once, in a loop), and a fresh
 * answer every few hours costs nothing.
 */
export const MAX_WAIT_MS = 3 * 60 * 60 * 1000;
/** A fire time already past (clock skew) waits this long instead of spinning. */
const MIN_WAIT_MS = 1000;

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

/** How long to wait for `nextFireAt`, clamped to [MIN_WAIT_MS, MAX_WAIT_MS]. */
export function waitFor(nextFireAt: string | undefined, nowMs: number): number {
  const target = nextFireAt === undefined ? Number.NaN : Date.parse(nextFireAt);
  if (!Number.isFinite(target)) return MAX_WAIT_MS;
  return Math.min(Math.max(target - nowMs, MIN_WAIT_MS), MAX_WAIT_MS);
}

/**
 * Wraps `pass` so that runs never overlap: a call during a run asks for one
 * more run after it, however many calls came in. The returned promise
 * settles once no run is pending.
 */
export function coalesced(pass: () => Promise<void>, active: () => boolean): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (!active()) return Promise.resolve();
    again = true;
    running ??= (async () => {
      try {
        while (again && active()) {
          again = false;
          await pass();
        }
      } finally {
        // Runs in the same turn as the last `again` check, so no request slips between.
        running = undefined;
      }
    })();
    return running;
  };
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
  let stopWatch: (() => void) | undefined;

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

  const replan = coalesced(planOnce, () => started);

  const onWake = () => void replan();

  return {
    start() {
      if (started) return;
      started = true;
      stopWatch = watchClock({ now, monotonic, calendarKey, setTimer, onChange: onWake });
      powerMonitor.on('resume', onWake);
      powerMonitor.on('unlock-screen', onWake);
      void replan();
    },
    replan,
    stop() {
      started = false;
      cancelFire?.();
      stopWatch?.();
      cancelFire = stopWatch = undefined;
      powerMonitor.off('resume', onWake);
      powerMonitor.off('unlock-screen', onWake);
    },
  };
}
