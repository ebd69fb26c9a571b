import type { SourceFile } from './model';

/**
 * A first sync stores its archive after every page: saved at most once a
 * second, a 1,000-email archive is written a few times instead of after each
 * of its 100 pages. The emails are readable at once (from memory); a crash
 * loses at most the last second's pages, which the next sync fetches again.
 */
export const SAVE_SOON_MS = 1_000;

/** A source's next write: later saves made before it starts replace its file. */
export interface PendingSave {
  file: SourceFile;
  done: Promise<void>;
  /** Made by saveSoon() alone: the write may wait for more changes. */
  soon: boolean;
  /** Ends that wait (a save() or flush() came meanwhile). */
  hurry?: () => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Settles when the write may start: at the next turn, or after `soonMs` for saveSoon(). */
export function waitBeforeWriting(pending: PendingSave, soonMs: number): Promise<void> {
  if (!pending.soon) return nextTurn();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, soonMs);
    pending.hurry = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

/** A save waiting for more changes is written at the next turn instead. */
export function hurry(pending: PendingSave): void {
  pending.soon = false;
  pending.hurry?.();
}
