import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { pause } from '../../../electron/core/pace/plan-ops';
import { tempDir } from '../library/helpers';
import { Computer, deliver, HOUR, settle, T0, two } from './computers';

describe('progress shared through one folder', () => {
  it('carries done, undone, notes, stars, plans and pauses from one computer to the other', async () => {
    const { time, laptop, desktop } = await two();
    await laptop.follow('seq21oct13');
    await laptop.done('seq.e1');
    await laptop.note('seq.e1', 'Ask about while loops');
    await laptop.sync();
    await desktop.sync();
    expect(desktop.progress.data.courses.map((c) => c.id)).toEqual(['seq21oct13']);
    expect(desktop.email('seq.e1')).toMatchObject({ note: 'Ask about while loops' });
    expect(desktop.email('seq.e1').doneAt).toBe(laptop.email('seq.e1').doneAt);

    time.now += 60_000;
    await desktop.done('seq.e1', false);
    await desktop.note('seq.e1', '');
    await desktop.plan('seq21oct13', (plan) =>
      pause({ ...plan, pace: { kind: 'per-week', perWeek: 3 } }, '2026-11-30'),
    );
    await desktop.sync();
    await laptop.sync();
    expect(laptop.email('seq.e1').doneAt).toBeUndefined();
    expect(laptop.email('seq.e1').note).toBeUndefined();
    expect(laptop.progress.data.plans.seq21oct13).toMatchObject({
      pace: { kind: 'per-week', perWeek: 3 },
      pauses: [{ from: '2026-11-30' }],
    });
    expect(laptop.shared()).toEqual(desktop.shared());
  });

  it('shares the theme and reminder switch, but not what belongs to one computer', async () => {
    const { laptop, desktop } = await two();
    await laptop.progress.update((draft) => {
      draft.settings.theme = 'dark';
      draft.settings.startAtLogin = true;
      draft.settings.closeToTray = false;
      draft.reminders.settings.enabled = false;
    });
    await laptop.sync();
    await desktop.sync();
    expect(desktop.progress.data.settings).toMatchObject({
      theme: 'dark',
      startAtLogin: false,
      closeToTray: true,
    });
    expect(desktop.progress.data.reminders.settings.enabled).toBe(false);
  });

  it('never lets a new computer’s defaults outvote a choice made on another', async () => {
    const time = { now: T0 };
    const laptop = await Computer.make('laptop', time);
    await laptop.share.start(laptop.folder);
    await laptop.progress.update((draft) => {
      draft.settings.theme = 'dark';
    });
    time.now += HOUR;
    // The desktop joins later with its untouched settings; its sync service has not delivered yet.
    const desktop = await Computer.make('desktop', time);
    await desktop.share.start(desktop.folder);
    await settle([laptop, desktop]);
    expect(desktop.progress.data.settings.theme).toBe('dark');
    expect(laptop.progress.data.settings.theme).toBe('dark');
  });

  it('brings together what two computers had before they shared', async () => {
    const { laptop, desktop } = await two(false);
    await laptop.share.stop();
    await desktop.share.stop();
    await laptop.done('seq.e1');
    await desktop.done('seq.e2');
    await desktop.note('seq.e1', 'from the desktop');
    await laptop.share.start(laptop.folder);
    await desktop.share.start(desktop.folder);
    await settle([laptop, desktop]);
    for (const computer of [laptop, desktop]) {
      expect(computer.email('seq.e1').doneAt).toBeDefined();
      expect(computer.email('seq.e1').note).toBe('from the desktop');
      expect(computer.email('seq.e2').doneAt).toBeDefined();
    }
  });

  it('looks at the folder on its own while the app runs, and tells what it took in', async () => {
    const { laptop, desktop } = await two();
    await desktop.close();
    await desktop.open(20);
    await laptop.done('seq.e1');
    await laptop.sync();
    // Told once the two values (opened, done) are saved on the desktop.
    await vi.waitFor(() => expect(desktop.taken.at(-1)).toBe(2), { timeout: 10_000 });
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    await desktop.close();
  });

  it('says how many other computers are in step and when the last change was', async () => {
    const { time, laptop, desktop } = await two();
    const third = await Computer.make('study-pc', time, laptop.folder);
    await third.share.start(third.folder);
    await desktop.done('seq.e1');
    await desktop.sync();
    time.now += 3 * 60_000;
    const status = await laptop.sync();
    expect(status.on).toBe(true);
    expect(status.others.map((o) => o.name)).toEqual(['desktop', 'study-pc']);
    expect(status.lastChangeAt).toBe(new Date(T0).toISOString());
    expect(status.problem).toBeUndefined();
  });
});

describe('what real sync services do', () => {
  it('waits for a log the service has copied only halfway, then takes it in whole', async () => {
    const { laptop, desktop } = await two(false);
    await desktop.sync();
    await laptop.done('seq.e1');
    await laptop.done('seq.e2');
    await laptop.sync();
    await deliver(laptop, desktop, 30);
    const waiting = await desktop.sync();
    expect(waiting.waiting).toBe(1);
    expect(desktop.email('seq.e1').doneAt).toBeUndefined();
    await deliver(laptop, desktop);
    const done = await desktop.sync();
    expect(done.waiting).toBe(0);
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    expect(desktop.email('seq.e2').doneAt).toBeDefined();
  });

  it('merges Syncthing and Dropbox conflict copies instead of ignoring them', async () => {
    const { time, laptop, desktop } = await two(false);
    await laptop.done('seq.e1');
    await laptop.sync();
    const own = `studyline-${laptop.share.status().computer.id}.log`;
    const early = await readFile(path.join(laptop.folder, own), 'utf8');
    time.now += 60_000;
    await laptop.note('seq.e2', 'only in the conflict copy');
    await laptop.sync();
    const later = await readFile(path.join(laptop.folder, own), 'utf8');
    const stem = own.slice(0, -'.log'.length);
    // The desktop holds the early file under the real name and the later one as conflict copies.
    await writeFile(path.join(desktop.folder, own), early);
    await writeFile(
      path.join(desktop.folder, `${stem}.sync-conflict-20261130-101500-ABCDEFG.log`),
      later,
    );
    await writeFile(
      path.join(desktop.folder, `${stem} (Laptop's conflicted copy 2026-11-30).log`),
      later,
    );
    await desktop.sync();
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    expect(desktop.email('seq.e2').note).toBe('only in the conflict copy');
    expect(desktop.share.status().others.map((o) => o.name)).toEqual(['laptop']);
  });

  it('converges with clocks hours apart, and the change made after seeing another wins', async () => {
    const { time, laptop, desktop } = await two(false);
    laptop.offset = -5 * HOUR;
    desktop.offset = 3 * HOUR;
    await desktop.note('seq.e1', 'first, on the desktop (clock ahead)');
    await settle([laptop, desktop]);
    time.now += 60_000;
    // The laptop's clock says eight hours earlier, yet its edit came later: it must win.
    await laptop.note('seq.e1', 'then on the laptop (clock behind)');
    await settle([laptop, desktop]);
    expect(desktop.email('seq.e1').note).toBe('then on the laptop (clock behind)');
    expect(laptop.shared()).toEqual(desktop.shared());
  });

  it('lets a computer that was off for months catch up, keeping its own offline changes', async () => {
    const time = { now: T0 };
    const a = await Computer.make('laptop', time);
    const b = await Computer.make('desktop', time);
    const c = await Computer.make('old-pc', time);
    for (const x of [a, b, c]) await x.share.start(x.folder);
    await c.done('seq.e0');
    await settle([a, b, c]);
    await c.close();
    for (let day = 1; day <= 120; day++) {
      time.now += 24 * HOUR;
      await (day % 2 ? a : b).done(`seq.e${day}`);
      if (day % 30 === 0) await settle([a, b]);
    }
    await a.done('seq.e0', false);
    await settle([a, b]);
    await c.open();
    await c.note('seq.e5', 'written offline, months later');
    await settle([a, b, c]);
    expect(c.email('seq.e120').doneAt).toBeDefined();
    expect(c.email('seq.e0').doneAt).toBeUndefined();
    expect(a.email('seq.e5').note).toBe('written offline, months later');
    expect(c.shared()).toEqual(a.shared());
    expect(b.shared()).toEqual(a.shared());
  });
});

describe('problems, in plain words', () => {
  it('keeps working when the shared folder disappears, and shares again once it is back', async () => {
    const { laptop, desktop } = await two();
    await rm(laptop.folder, { recursive: true });
    await laptop.done('seq.e1');
    const gone = await laptop.sync();
    expect(gone.problem?.code).toBe('folder-missing');
    expect(gone.problem?.message).toContain('is not there');
    expect(laptop.email('seq.e1').doneAt).toBeDefined();
    await import('node:fs/promises').then((fs) => fs.mkdir(laptop.folder));
    const back = await laptop.sync();
    expect(back.problem).toBeUndefined();
    await desktop.sync();
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
  });

  it('logs a change saved while sharing could not run (a crash before the log was written)', async () => {
    const { laptop, desktop } = await two();
    await laptop.share.close();
    await laptop.done('seq.e1');
    await laptop.progress.flush();
    await laptop.open();
    await desktop.sync();
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
  });

  it('refuses a folder that does not exist or overlaps the data folder, and changes nothing', async () => {
    const { laptop } = await two();
    await laptop.share.stop();
    await expect(laptop.share.start(path.join(laptop.folder, 'missing'))).rejects.toThrow(
      /There is no folder/,
    );
    await expect(laptop.share.start(laptop.dataDir)).rejects.toThrow(
      /overlaps Studyline's own data folder/,
    );
    expect(laptop.share.status().on).toBe(false);
  });

  it('skips values it cannot use and never writes over them', async () => {
    const { laptop, desktop } = await two();
    await laptop.follow('seq21oct13');
    await laptop.sync();
    await desktop.sync();
    const { encodeRecords } = await import('../../../electron/core/share/share-log');
    const own = path.join(laptop.folder, `studyline-${laptop.share.status().computer.id}.log`);
    const bad = encodeRecords([
      {
        stamp: Number.MAX_SAFE_INTEGER - 10,
        key: 'p/seq21oct13',
        value: { startOn: 'tomorrowish' },
      },
    ]);
    await writeFile(own, (await readFile(own, 'utf8')) + bad);
    await desktop.sync();
    await desktop.done('seq.e1');
    await desktop.sync();
    expect(desktop.progress.data.plans.seq21oct13?.startOn).toBe('2026-11-30');
    const desktopLog = (await readdir(desktop.folder)).find((n) =>
      n.includes(desktop.share.status().computer.id),
    )!;
    expect(await readFile(path.join(desktop.folder, desktopLog), 'utf8')).not.toContain(
      'p/seq21oct13',
    );
  });

  it('stops sharing on request and leaves its past changes for the others', async () => {
    const { laptop, desktop } = await two();
    await laptop.done('seq.e1');
    const off = await laptop.share.stop();
    expect(off.on).toBe(false);
    await laptop.done('seq.e2');
    await desktop.sync();
    expect(desktop.email('seq.e1').doneAt).toBeDefined();
    expect(desktop.email('seq.e2').doneAt).toBeUndefined();
    expect((await readdir(laptop.folder)).length).toBe(2);
  });

  it('closes without rewriting its settings when nothing in them changed, and saves what did', async () => {
    const { time, laptop } = await two();
    const settings = path.join(laptop.dataDir, 'share.json');
    await laptop.close();
    await laptop.open();
    const before = await stat(settings);
    await laptop.close();
    // Each write replaces the file (a new one renamed over it): the same inode means none.
    expect((await stat(settings)).ino).toBe(before.ino);

    await laptop.open();
    time.now += 60_000;
    await laptop.done('seq.e1');
    await laptop.sync();
    await laptop.close();
    const clockIn = async (file: string) =>
      (JSON.parse(await readFile(file, 'utf8')) as { clock: number }).clock;
    expect((await stat(settings)).ino).not.toBe(before.ino);
    // The clock moved on with the change it stamped: saved, the copy before it kept as .bak.
    expect(await clockIn(settings)).toBeGreaterThan(await clockIn(`${settings}.bak`));
  });

  it('gives a data folder copied to another computer an id of its own', async () => {
    const dir = await tempDir();
    const { ShareConfigFile } = await import('../../../electron/core/share/share-config');
    const file = new ShareConfigFile(dir);
    const first = await file.read('laptop');
    await file.write({ ...first, folder: '/somewhere' });
    expect((await file.read('laptop')).deviceId).toBe(first.deviceId);
    const copied = await file.read('desktop');
    expect(copied.deviceId).not.toBe(first.deviceId);
    expect(copied.folder).toBe('/somewhere');
  });
});
