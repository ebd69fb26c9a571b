import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetFakeElectron } from './fake-electron';
import { fakeReminderCore, reminderAt } from './fake-reminder-core';
import { MAX_WAIT_MS, createReminderTimer } from '../../electron/main/reminder-timer';
import type { ReminderTimerOptions } from '../../electron/main/reminder-timer';
import type { Reminder } from '../../electron/shared/types';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const day1 = reminderAt('py', '2026-03-02', '2026-03-02T09:00:00.000Z');
const day2 = reminderAt('py', '2026-03-03', '2026-03-03T09:00:00.000Z');
const day3 = reminderAt('py', '2026-03-04', '2026-03-04T09:00:00.000Z');

function setup(schedule: Reminder[], extra: Partial<ReminderTimerOptions> = {}) {
  const core = fakeReminderCore(schedule);
  const notify = vi.fn((_reminder: Reminder) => undefined);
  const log = vi.fn();
  const timer = createReminderTimer({ core, notify, log, ...extra });
  const shownKeys = () => notify.mock.calls.map(([reminder]) => reminder.key);
  return { core, notify, log, timer, shownKeys };
}

/** Lets pending promise chains (a plan in progress) settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T08:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('createReminderTimer', () => {
  it('shows a reminder at its time, then stores it as shown', async () => {
    const { core, notify, timer, shownKeys } = setup([day1, day2]);
    timer.start();
    await vi.advanceTimersByTimeAsync(HOUR - 2000);
    expect(notify).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(shownKeys()).toEqual([day1.key]);
    expect(core.markRemindersShown).toHaveBeenCalledWith([day1.record]);
    expect(notify.mock.invocationCallOrder[0]).toBeLessThan(
      core.markRemindersShown.mock.invocationCallOrder[0]!,
    );
    await vi.advanceTimersByTimeAsync(DAY);
    expect(shownKeys()).toEqual([day1.key, day2.key]);
    timer.stop();
  });

  it('keeps one timer however many times it is asked to plan again', async () => {
    const { timer } = setup([day1]);
    timer.start();
    await settle();
    const armed = vi.getTimerCount();
    await Promise.all([timer.replan(), timer.replan(), timer.replan()]);
    timer.start();
    await settle();
    expect(vi.getTimerCount()).toBe(armed);
    timer.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after a long sleep, shows the missed reminder once on wake, even as several wake signals arrive', async () => {
    const { notify, timer, shownKeys } = setup([day1, day2, day3]);
    timer.start();
    await settle();
    // Asleep from Monday 08:00 to Wednesday 10:00: wall time moved, timers did not run.
    vi.setSystemTime(new Date('2026-03-04T10:00:00.000Z'));
    electron.powerMonitor.emit('resume');
    electron.powerMonitor.emit('unlock-screen');
    await settle();
    expect(shownKeys()).toEqual([day3.key]);
    // The clock check notices the jump a minute later and plans again: nothing new.
    await vi.advanceTimersByTimeAsync(MINUTE);
    electron.powerMonitor.emit('resume');
    await settle();
    expect(notify).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('a restart never repeats a reminder already shown', async () => {
    const first = setup([day1]);
    first.timer.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(first.notify).toHaveBeenCalledTimes(1);
    first.timer.stop();

    const notify = vi.fn();
    const restarted = createReminderTimer({ core: first.core, notify });
    restarted.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(notify).not.toHaveBeenCalled();
    restarted.stop();
  });

  it('plans again after a change, firing at the new time and not the old one', async () => {
    const schedule = [day1];
    const { timer, shownKeys } = setup(schedule);
    timer.start();
    await settle();
    const earlier = reminderAt('py', '2026-03-02', '2026-03-02T08:30:00.000Z');
    schedule.splice(0, 1, earlier); // the learner moved their reminder time
    await timer.replan();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(shownKeys()).toEqual([earlier.key]);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(shownKeys()).toEqual([earlier.key]);
    timer.stop();
  });

  it('an answer that arrives late never overrides a newer plan', async () => {
    const schedule = [day1];
    const { core, timer, shownKeys } = setup(schedule);
    const answerBeforeChange = core.reminders.getMockImplementation()!;
    core.reminders.mockImplementationOnce(async () => {
      const stale = await answerBeforeChange();
      await new Promise((resolve) => setTimeout(resolve, 5000)); // a slow disk
      return stale;
    });
    timer.start();
    const earlier = reminderAt('py', '2026-03-02', '2026-03-02T08:30:00.000Z');
    schedule.splice(0, 1, earlier); // changed while the first answer was still on its way
    void timer.replan();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(shownKeys()).toEqual([earlier.key]);
    expect(core.markRemindersShown).toHaveBeenCalledWith([earlier.record]);
    timer.stop();
  });

  it('notices the clock being set forward and shows what became due', async () => {
    const { timer, shownKeys } = setup([day1]);
    timer.start();
    await settle();
    vi.setSystemTime(new Date('2026-03-02T09:30:00.000Z'));
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(shownKeys()).toEqual([day1.key]);
    timer.stop();
  });

  it('notices the clock being set back and does not remind early', async () => {
    const { timer, notify } = setup([day1]);
    timer.start();
    await settle();
    vi.setSystemTime(new Date('2026-03-02T06:00:00.000Z'));
    await vi.advanceTimersByTimeAsync(HOUR + MINUTE);
    expect(notify).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(notify).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('plans again when the time zone changes', async () => {
    let zone = 'Europe/Paris';
    const { core, timer } = setup([day1], { calendarKey: () => zone });
    timer.start();
    await settle();
    const before = core.reminders.mock.calls.length;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(core.reminders).toHaveBeenCalledTimes(before);
    zone = 'America/New_York';
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(core.reminders).toHaveBeenCalledTimes(before + 1);
    timer.stop();
  });

  it('waits for a reminder weeks away in hops, never firing early', async () => {
    const far = reminderAt('py', '2026-04-20', '2026-04-20T09:00:00.000Z');
    const { core, timer, notify } = setup([far], { calendarKey: () => 'fixed' });
    timer.start();
    await settle();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(core.reminders).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(Date.parse(far.fireAt) - Date.now() - MINUTE);
    expect(notify).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(notify).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('a notification that fails does not stop the others, and all are stored', async () => {
    const other = reminderAt('sql', '2026-03-02', '2026-03-02T09:00:00.000Z');
    const { core, notify, log, timer } = setup([day1, other]);
    notify.mockImplementationOnce(() => {
      throw new Error('notification server gone');
    });
    timer.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(notify).toHaveBeenCalledTimes(2);
    expect(core.markRemindersShown).toHaveBeenCalledWith([day1.record, other.record]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(day1.key), expect.any(Error));
    timer.stop();
  });

  it('when the core cannot answer, logs it and tries again later', async () => {
    const { core, log, timer, shownKeys } = setup([day1]);
    core.reminders.mockRejectedValueOnce(new Error('disk unplugged'));
    timer.start();
    await settle();
    expect(log).toHaveBeenCalledWith('could not plan reminders', expect.any(Error));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(shownKeys()).toEqual([day1.key]);
    timer.stop();
  });

  it('stops listening to the power monitor once stopped', async () => {
    const { core, timer } = setup([day1]);
    timer.start();
    expect(electron.powerMonitor.listenerCount('resume')).toBe(1);
    await settle();
    timer.stop();
    expect(electron.powerMonitor.listenerCount('resume')).toBe(0);
    expect(electron.powerMonitor.listenerCount('unlock-screen')).toBe(0);
    const calls = core.reminders.mock.calls.length;
    await vi.advanceTimersByTimeAsync(DAY);
    expect(core.reminders).toHaveBeenCalledTimes(calls);
  });
});
