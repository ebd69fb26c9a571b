import { randomUUID } from 'node:crypto';
import type { Notice } from '../../shared/types';
import type { ProgressStore } from '../library/progress-store';

export interface NoticeBoard {
  /** Where the stores report a restore, whenever it happens (library files are read late). */
  add: (message: string) => void;
  /** Notices can be saved once progress is open (progress itself may be what was restored). */
  attach(progress: ProgressStore): void;
  /** Settles once every notice so far is saved (or known to stay in memory). */
  settled(): Promise<void>;
  /** Saved notices (until the learner dismisses them), then those that could not be saved. */
  list(): Notice[];
}

export interface NoticeBoardOptions {
  /** False when this process may not write: notices are then shown, not saved. */
  canSave: boolean;
  now: () => Date;
  /** Told of each new notice, once (the CLI prints it, main refreshes the window). */
  onNotice?: (message: string) => void;
}

/**
 * Every restore of every file is told once: each message is kept once per
 * process, saved with the learner's progress so every front end shows it until
 * dismissed, and passed to `onNotice` as it happens.
 */
export function createNoticeBoard(options: NoticeBoardOptions): NoticeBoard {
  const seen = new Set<string>();
  const waiting: Notice[] = [];
  const shownOnly: Notice[] = [];
  let progress: ProgressStore | undefined;
  let saving: Promise<void> = Promise.resolve();

  const save = () => {
    if (!progress || waiting.length === 0) return;
    const store = progress;
    const batch = waiting.splice(0);
    if (!options.canSave) {
      shownOnly.push(...batch);
      return;
    }
    saving = saving.then(() =>
      store
        .update((draft) => {
          draft.notices.push(...batch);
        })
        // A folder that cannot be written: the notices are at least shown this time.
        .catch(() => void shownOnly.push(...batch)),
    );
  };

  return {
    add(message) {
      if (seen.has(message)) return;
      seen.add(message);
      waiting.push({
        id: randomUUID(),
        at: options.now().toISOString(),
        level: 'warning',
        message,
      });
      options.onNotice?.(message);
      save();
    },
    attach(store) {
      progress = store;
      save();
    },
    settled: async () => {
      // A save may queue another (a notice raised while saving): wait until none is left.
      for (let last; last !== saving;) {
        last = saving;
        await last;
      }
    },
    list: () => [...(progress?.data.notices ?? []), ...shownOnly, ...waiting],
  };
}
