import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FolderReader } from '../../../electron/core/share/share-folder';
import { Computer, deliver, settle, T0, two } from './computers';

/**
 * Last writer wins, per value: a change made on this computer and not logged
 * yet (a look at the folder was under way, or the folder was `behind`) keeps
 * the moment it was made. A record from another computer that arrives
 * meanwhile wins over it only when it was made later.
 */

/**
 * Holds the next look at the folder, as a slow disk would: `held` settles
 * once the look is held, with the folder read `before` the hold (the look then
 * ends as soon as it is released) or to be read `after` it.
 */
function holdNextLook(read: 'before' | 'after') {
  const real = FolderReader.prototype.scan;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let begun!: () => void;
  const held = new Promise<void>((resolve) => (begun = resolve));
  vi.spyOn(FolderReader.prototype, 'scan').mockImplementationOnce(async function (
    this: FolderReader,
  ) {
    if (read === 'after') {
      begun();
      await gate;
    }
    const scan = await real.call(this);
    if (read === 'before') {
      begun();
      await gate;
    }
    return scan;
  });
  return { held, release };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * The laptop's change is logged first; a minute later the desktop makes its
 * own (written before the look ends) while its look at the folder, which has
 * read the laptop's, is held. Both, settled.
 */
async function duringDesktopLook(
  laptopFirst: (laptop: Computer) => Promise<void>,
  desktopLater: (desktop: Computer) => Promise<void>,
) {
  const { time, laptop, desktop } = await two(true);
  await laptopFirst(laptop);
  await laptop.sync();
  time.now += 60_000;
  const look = holdNextLook('before');
  const syncing = desktop.sync();
  await look.held;
  await desktopLater(desktop);
  look.release();
  await syncing;
  await settle([laptop, desktop]);
  return [laptop, desktop];
}

describe('a change made here while a look at the folder is under way', () => {
  it('wins over an earlier change from the other computer (the change written meanwhile)', async () => {
    const both = await duringDesktopLook(
      (laptop) => laptop.note('seq.e1', 'laptop, earlier'),
      (desktop) => desktop.note('seq.e1', 'desktop, later'),
    );
    for (const computer of both) expect(computer.email('seq.e1').note).toBe('desktop, later');
  });

  it('wins as well when the look ends before the change is written', async () => {
    const { time, laptop, desktop } = await two(true);
    await laptop.done('seq.e1');
    await laptop.sync();
    time.now += 60_000;
    const look = holdNextLook('before');
    const syncing = desktop.sync();
    await look.held;
    // In memory at once; written to the disk a moment after the look has ended.
    const marking = desktop.done('seq.e1');
    look.release();
    await Promise.all([syncing, marking]);
    await settle([laptop, desktop]);
    const doneAt = new Date(T0 + 60_000).toISOString();
    expect(desktop.email('seq.e1').doneAt).toBe(doneAt);
    expect(laptop.email('seq.e1').doneAt).toBe(doneAt);
  });

  it('loses to a later change from the other computer', async () => {
    const { time, laptop, desktop } = await two(true);
    await laptop.note('seq.e1', 'laptop, first');
    await settle([laptop, desktop]);
    time.now += 60_000;
    const look = holdNextLook('after');
    const syncing = desktop.sync();
    await look.held;
    await desktop.note('seq.e1', 'desktop, earlier');
    time.now += 60_000;
    await laptop.note('seq.e1', 'laptop, later');
    await laptop.sync();
    look.release();
    await syncing;
    await settle([laptop, desktop]);
    expect(desktop.email('seq.e1').note).toBe('laptop, later');
    expect(laptop.email('seq.e1').note).toBe('laptop, later');
  });

  it('keeps the other computer’s change to another field of the same email', async () => {
    const both = await duringDesktopLook(
      (laptop) => laptop.done('seq.e1'),
      (desktop) => desktop.note('seq.e1', 'desktop, later'),
    );
    for (const computer of both) {
      expect(computer.email('seq.e1').note).toBe('desktop, later');
      expect(computer.email('seq.e1').doneAt).toBe(new Date(T0).toISOString());
    }
  });
});

/** The desktop opens while its sync service is replacing its copy of the laptop's log. */
/** Between two steps of a test below: all of them well within BEHIND_GRACE_MS. */
const STEP = 20_000;

async function desktopBehind() {
  const { time, laptop, desktop } = await two(false);
  await laptop.follow('seq21oct13');
  await settle([laptop, desktop]);
  await desktop.close();
  const log = path.join(desktop.folder, `studyline-${laptop.share.status().computer.id}.log`);
  await rm(log);
  await desktop.open();
  return { time, laptop, desktop };
}

/**
 * The laptop notes e2, then the desktop (behind) notes it later; `meanwhile`
 * runs on the desktop before the laptop's log reaches it. Both, settled.
 */
async function laterOnTheDesktop(meanwhile: (desktop: Computer) => Promise<unknown>) {
  const { time, laptop, desktop } = await desktopBehind();
  time.now += STEP;
  await laptop.note('seq.e2', 'laptop, earlier');
  await laptop.sync();
  time.now += STEP;
  await desktop.note('seq.e2', 'desktop, later');
  await meanwhile(desktop);
  await deliver(laptop, desktop);
  await settle([laptop, desktop]);
  return [laptop, desktop];
}

describe('a change made here while the folder is behind', () => {
  it('wins over an earlier change from the other computer that arrives afterwards', async () => {
    for (const computer of await laterOnTheDesktop((desktop) => desktop.sync()))
      expect(computer.email('seq.e2').note).toBe('desktop, later');
  });

  it('keeps its moment when the app is closed and opened again before it could be logged', async () => {
    const restart = async (desktop: Computer) => {
      await desktop.close();
      await desktop.open();
    };
    for (const computer of await laterOnTheDesktop(restart))
      expect(computer.email('seq.e2').note).toBe('desktop, later');
  });

  it('loses to a later change from the other computer', async () => {
    const { time, laptop, desktop } = await desktopBehind();
    time.now += STEP;
    await desktop.note('seq.e2', 'desktop, earlier');
    await desktop.sync();
    time.now += STEP;
    await laptop.note('seq.e2', 'laptop, later');
    await laptop.sync();
    await deliver(laptop, desktop);
    await settle([laptop, desktop]);
    expect(desktop.email('seq.e2').note).toBe('laptop, later');
    expect(laptop.email('seq.e2').note).toBe('laptop, later');
  });

  it('takes a later change over one it took in meanwhile: taking in is no change made here', async () => {
    const { time, laptop, desktop } = await desktopBehind();
    const studyPc = await Computer.make('study-pc', time);
    await studyPc.share.start(studyPc.folder);
    time.now += STEP;
    await studyPc.note('seq.e2', 'study-pc, first');
    await studyPc.sync();
    time.now += STEP;
    await laptop.note('seq.e2', 'laptop, second');
    await laptop.sync();
    time.now += STEP;
    await deliver(studyPc, desktop);
    // Taken in while the laptop's log is still missing here (nothing is logged meanwhile).
    await desktop.sync();
    expect(desktop.email('seq.e2').note).toBe('study-pc, first');
    await deliver(laptop, desktop);
    await settle([laptop, desktop, studyPc]);
    for (const computer of [laptop, desktop, studyPc])
      expect(computer.email('seq.e2').note).toBe('laptop, second');
  });
});
