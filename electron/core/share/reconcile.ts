import type { ProgressFile } from '../library/model';
import { emailEntry } from '../library/progress-state';
import { checkShared } from './apply-shared';
import type { SharedValue } from './share-log';
import type { MergedView } from './share-merge';
import {
  emailEntries,
  isDefault,
  parseKey,
  projectProgress,
  sameValue,
  type SharedKey,
} from './shared-keys';

/**
 * Where this computer's progress and the merged logs differ, who is behind?
 * A merged value not taken in yet came from another computer: take it. A
 * value this computer already took in (or never heard of) that its progress
 * now contradicts is a change made here and not yet in its log: log it.
 */
export interface Reconciled {
  /** Other computers' values to take into the progress (undefined: remove). */
  take: Array<{ key: SharedKey; value: SharedValue | undefined }>;
  /** This computer's changes to append to its log (null: removed). */
  log: Array<{ key: string; value: SharedValue }>;
  /** Merged values this version cannot use (from a newer Studyline, or damaged): left alone. */
  unusable: number;
}

type Entry = [string, SharedValue | undefined];

function decide(out: Reconciled, view: MergedView, key: string, local: SharedValue | undefined) {
  const winner = view.get(key);
  const merged = winner?.value ?? undefined;
  if (sameValue(local, merged)) return;
  const parsed = parseKey(key);
  if (!parsed) return;
  if (winner && !winner.seen) {
    if (checkShared(parsed, merged ?? undefined))
      out.take.push({ key: parsed, value: merged ?? undefined });
    else out.unusable += 1;
    return;
  }
  // A new data folder's defaults are no change: they must not outvote another computer's choice.
  if (!winner && isDefault(key, local)) return;
  // Never log over a value this version cannot read: the computer that wrote it can.
  if (winner && !checkShared(parsed, merged ?? undefined)) {
    out.unusable += 1;
    return;
  }
  out.log.push({ key, value: local ?? null });
}

/** Compares everything: on opening, after a pass over the folder, after a whole-file update. */
export function reconcileAll(data: Readonly<ProgressFile>, view: MergedView): Reconciled {
  const out: Reconciled = { take: [], log: [], unusable: 0 };
  const local = projectProgress(data);
  for (const [key, value] of local) decide(out, view, key, value);
  for (const [key, winner] of view) {
    if (!local.has(key) && winner.value !== null) decide(out, view, key, undefined);
  }
  return out;
}

/** Compares only these emails and the small shared parts: after marking an email. */
export function reconcileEmails(
  data: Readonly<ProgressFile>,
  view: MergedView,
  emailIds: Iterable<string>,
): Reconciled {
  const out: Reconciled = { take: [], log: [], unusable: 0 };
  const entries: Entry[] = [];
  for (const emailId of new Set(emailIds))
    entries.push(...emailEntries(emailId, emailEntry(data.emails, emailId)));
  for (const [key, value] of entries) decide(out, view, key, value);
  return out;
}
