import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pause } from '../../../electron/core/pace/plan-ops';
import { BEHIND_GRACE_MS } from '../../../electron/core/share/shared-folder';
import { Computer, deliver, settle, T0 } from './computers';

/**
 * A sync service replacing another computer's log in this computer's copy of
 * the folder does not do it in one step: Syncthing removes the old file and
 * then renames the new one into place, and a conflict can put back an older,
 * shorter copy for a while. A look in between must not make this computer
 * log what it took from the other one as its own, newer changes: they would
 * then outvote whatever the other computer changed meanwhile.
 */

async function pair() {
  const time = { now: T0 };
  const laptop = await Computer.make('laptop', time);
  const desktop = await Computer.make('desktop', time);
  await laptop.share.start(laptop.folder);
  await desktop.share.start(desktop.folder);
  await laptop.follow('seq21oct13');
  await laptop.done('seq.e1');
  await settle([laptop, desktop]);
  const log = path.join(desktop.folder, `studyline-${laptop.share.status().computer.id}.log`);
  return { time, laptop, desktop, log };
}

describe('a log the sync service is replacing', () => {
  it('keeps a pause made on the laptop while the desktop looked in the middle of the copy', async () => {
    const { time, laptop, desktop, log } = await pair();
    time.now += 60_000;
    await laptop.plan('seq21oct13', (plan) => pause(plan, '2026-11-30'));
    await laptop.sync();
    time.now += 60_000;
    // Syncthing has removed the desktop's copy of the laptop's log; the new one is not in place yet.
    await rm(log);
    await desktop.sync();
    time.now += 60_000;
    await deliver(laptop, desktop);
    await settle([laptop, desktop]);
    expect(desktop.progress.data.plans.seq21oct13?.pauses).toEqual([{ from: '2026-11-30' }]);
    expect(laptop.progress.data.plans.seq21oct13?.pauses).toEqual([{ from: '2026-11-30' }]);
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    expect(laptop.shared()).toEqual(desktop.shared());
  });

  it('keeps a note edited on the laptop while an older copy of its log was put back', async () => {
    const { time, laptop, desktop, log } = await pair();
    const older = await readFile(log);
    await laptop.note('seq.e2', 'Reread the part on slicing');
    await settle([laptop, desktop]);
    time.now += 60_000;
    await laptop.note('seq.e2', 'Slicing is clear now');
    await laptop.done('seq.e1', false);
    await laptop.sync();
    time.now += 60_000;
    // A conflict put back the desktop's copy from before the note, for a while.
    await writeFile(log, older);
    await desktop.sync();
    time.now += 60_000;
    await rm(log);
    await deliver(laptop, desktop);
    await settle([laptop, desktop]);
    for (const computer of [laptop, desktop]) {
      expect(computer.email('seq.e2').note).toBe('Slicing is clear now');
      expect(computer.email('seq.e1').doneAt).toBeUndefined();
    }
    expect(laptop.shared()).toEqual(desktop.shared());
  });

  it('keeps a pause made on the laptop while the desktop opened in the middle of the copy', async () => {
    const { time, laptop, desktop, log } = await pair();
    await desktop.close();
    time.now += 60_000;
    await laptop.plan('seq21oct13', (plan) => pause(plan, '2026-11-30'));
    await laptop.sync();
    time.now += 60_000;
    // The desktop starts while Syncthing has removed its copy of the laptop's log: its first look.
    await rm(log);
    await desktop.open();
    await desktop.sync();
    time.now += 60_000;
    await deliver(laptop, desktop);
    await settle([laptop, desktop]);
    for (const computer of [laptop, desktop]) {
      expect(computer.progress.data.plans.seq21oct13?.pauses).toEqual([{ from: '2026-11-30' }]);
      expect(computer.email('seq.e1').doneAt).toBeDefined();
    }
    expect(laptop.shared()).toEqual(desktop.shared());
  });

  it('a log gone for good holds this computer’s own changes back only for a while', async () => {
    const { time, laptop, desktop, log } = await pair();
    await desktop.close();
    // Deleted for good (say, by hand): no sync service is bringing it back.
    await rm(log);
    await desktop.open();
    await desktop.done('seq.e2');
    await desktop.sync();
    await deliver(desktop, laptop);
    await laptop.sync();
    expect(laptop.email('seq.e2').doneAt).toBeUndefined();
    time.now += BEHIND_GRACE_MS + 1_000;
    await desktop.sync();
    await deliver(desktop, laptop);
    await laptop.sync();
    expect(laptop.email('seq.e2').doneAt).toBeDefined();
  });

  it('forgets a log gone for good once the wait is over: the next session does not wait', async () => {
    const { time, laptop, desktop, log } = await pair();
    await desktop.close();
    await rm(log);
    await desktop.open();
    time.now += BEHIND_GRACE_MS + 1_000;
    await desktop.sync();
    await desktop.close();
    await desktop.open();
    await desktop.done('seq.e2');
    await desktop.sync();
    await deliver(desktop, laptop);
    await laptop.sync();
    expect(laptop.email('seq.e2').doneAt).toBeDefined();
    // If it comes back after all, what was taken from it agrees with what the desktop logged.
    await settle([laptop, desktop]);
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    expect(desktop.progress.data.plans.seq21oct13).toBeDefined();
    expect(laptop.shared()).toEqual(desktop.shared());
  });
});
