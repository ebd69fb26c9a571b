import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Course } from '../../../electron/shared/types';
import { emailEntry } from '../../../electron/core/library/progress-state';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { defaultPlan, type Plan } from '../../../electron/core/pace/model';
import { withDone } from '../../../electron/core/app/pace-service';
import { ShareSession } from '../../../electron/core/share/share-session';
import { projectProgress } from '../../../electron/core/share/shared-keys';
import { isLogName } from '../../../electron/core/share/share-folder';
import { tempDir } from '../library/helpers';

export const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
export const HOUR = 3_600_000;

/**
 * One of the learner's computers: its own data folder, and its own copy of
 * the shared folder (as Syncthing keeps one per computer). `deliver` plays
 * the sync service between copies.
 */
export class Computer {
  progress!: ProgressStore;
  share!: ShareSession;
  /** Milliseconds this computer's clock is off by; `advance` moves everyone's time. */
  offset = 0;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly folder: string,
    private readonly time: { now: number },
  ) {}

  static async make(name: string, time: { now: number }, folder?: string): Promise<Computer> {
    const root = await tempDir();
    const shared = folder ?? path.join(root, 'Sync');
    await mkdir(shared, { recursive: true });
    const computer = new Computer(name, path.join(root, 'data'), shared, time);
    await computer.open();
    return computer;
  }

  now = (): Date => new Date(this.time.now + this.offset);

  /** Changes taken in from the other computers, as the app would be told. */
  taken: number[] = [];

  async open(pollMs?: number): Promise<void> {
    this.progress = await ProgressStore.open(this.dataDir);
    this.share = await ShareSession.open({
      dataDir: this.dataDir,
      progress: this.progress,
      now: this.now,
      host: this.name,
      pollMs,
      onTaken: (keys) => this.taken.push(keys.length),
    });
  }

  async close(): Promise<void> {
    await this.share.close();
    await this.progress.flush();
  }

  /** Settles: every change logged, one look at the folder. */
  sync() {
    return this.share.syncNow();
  }

  shared(): Record<string, unknown> {
    return Object.fromEntries([...projectProgress(this.progress.data)].sort());
  }

  email(id: string) {
    return emailEntry(this.progress.data.emails, id) ?? {};
  }

  async done(id: string, done = true): Promise<void> {
    await this.progress.setEmailState(id, withDone(done)(this.email(id), this.now().toISOString()));
  }

  async note(id: string, text: string): Promise<void> {
    const { note: _note, ...rest } = this.email(id);
    await this.progress.setEmailState(id, text ? { ...rest, note: text } : rest);
  }

  async follow(courseId: string): Promise<void> {
    await this.progress.update((draft) => {
      if (!draft.courses.some((c) => c.id === courseId)) draft.courses.push(course(courseId));
      draft.plans[courseId] ??= defaultPlan('2026-11-30');
    });
  }

  async plan(courseId: string, change: (plan: Plan) => Plan): Promise<void> {
    await this.progress.update((draft) => {
      draft.plans[courseId] = change(draft.plans[courseId] ?? defaultPlan('2026-11-30'));
    });
  }
}

export function course(id: string): Course {
  return {
    id,
    title: `Python (${id})`,
    archiveUrl: `https://mechanicalmooc.example.org/category/${id}/feed/`,
    archiveSourceId: `mechanicalmooc-${id}`,
    followedAt: '2026-11-01T10:00:00.000Z',
    groups: [],
  };
}

/**
 * The sync service copying `from`'s copy of the shared folder into `to`'s:
 * every log that is longer there (logs only grow). `cut` delivers only that
 * many bytes of what is new, as a copy caught halfway.
 */
export async function deliver(from: Computer, to: Computer, cut?: number): Promise<void> {
  if (from.folder === to.folder) return;
  for (const name of (await readdir(from.folder)).filter(isLogName)) {
    const text = await readFile(path.join(from.folder, name));
    const target = path.join(to.folder, name);
    const existing = await readFile(target).catch(() => Buffer.alloc(0));
    if (text.length <= existing.length) continue;
    const size = cut === undefined ? text.length : Math.min(text.length, existing.length + cut);
    await writeFile(target, text.subarray(0, size));
  }
}

/** Everyone delivers to everyone and looks, until nothing moves. */
export async function settle(computers: Computer[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const c of computers) await c.sync();
    for (const from of computers) for (const to of computers) await deliver(from, to);
  }
  for (const c of computers) await c.sync();
}

/**
 * A laptop and a desktop sharing progress from T0: through one folder (as a
 * sync service would keep it), or each through its own (`shared` false: the
 * test delivers files between them with `deliver`).
 */
export async function two(shared = true) {
  const time = { now: T0 };
  const laptop = await Computer.make('laptop', time);
  const desktop = await Computer.make('desktop', time, shared ? laptop.folder : undefined);
  await laptop.share.start(laptop.folder);
  await desktop.share.start(desktop.folder);
  return { time, laptop, desktop };
}
