import type { ProgressFile } from '../library/model';
import { emailEntry } from '../library/progress-state';
import { checkShared } from './apply-shared';
import type { SharedValue } from './share-log';
import type { MergedView } from './share-merge';
import {
  emailEntries,
  emailKeys,
  smallEntries,
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

/**
 * Compares everything: on opening, after a look at the folder, after a
 * whole-file update. Opening costs one pass over the emails and the merged
 * view when they agree; only values missing here take the slower way.
 */
export function reconcileAll(data: Readonly<ProgressFile>, view: MergedView): Reconciled {
  const out: Reconciled = { take: [], log: [], unusable: 0 };
  let visited = 0;
  const visit = (key: string, local: SharedValue | undefined) => {
    const winner = view.get(key);
    if (winner !== undefined && winner.value !== null) visited += 1;
    // The common case, all primitives: equal, nothing to do.
    if (winner === undefined ? local === undefined : winner.value === local) return;
    decide(out, view, key, local);
  };
  for (const emailId of Object.keys(data.emails)) {
    const state = data.emails[emailId];
    const [o, d, n, s] = emailKeys(emailId);
    visit(o!, state?.openedAt);
    visit(d!, state?.doneAt);
    visit(n!, state?.note);
    visit(s!, state?.starred ? true : undefined);
  }
  const small = smallEntries(data);
  for (const [key, value] of small) visit(key, value);
  if (visited === presentCount(view)) return out;
  // Some merged values have no counterpart here (another computer's, or removed here).
  const local = projectProgress(data);
  for (const [key, winner] of view) {
    if (winner.value !== null && !local.has(key)) decide(out, view, key, undefined);
  }
  return out;
}

function presentCount(view: MergedView): number {
  let count = 0;
  for (const winner of view.values()) if (winner.value !== null) count += 1;
  return count;
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
