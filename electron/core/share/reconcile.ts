import type { ProgressFile } from '../library/model';
import { emailEntry } from '../library/progress-state';
import { checkShared } from './apply-shared';
import type { Stamp } from './hlc';
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
 * A merged value not taken in yet came from another computer: take it, unless
 * this computer changed that value later and has not logged it yet (`changedAt`
 * tells when: last writer wins). A value this computer already took in (or
 * never heard of) that its progress now contradicts is a change made here and
 * not yet in its log: log it.
 */
export interface Reconciled {
  /** Other computers' values to take into the progress (undefined: remove); `name`: the key as logged. */
  take: Array<{ key: SharedKey; name: string; value: SharedValue | undefined }>;
  /** This computer's changes to append to its log (null: removed). */
  log: Array<{ key: string; value: SharedValue }>;
  /** Merged values this version cannot use (from a newer Studyline, or damaged): left alone. */
  unusable: number;
}

type Entry = [string, SharedValue | undefined];

/** When this computer last changed the value at `key`, if that change is not logged yet. */
export type ChangedAt = (key: string) => Stamp | undefined;

function decide(
  out: Reconciled,
  view: MergedView,
  key: string,
  local: SharedValue | undefined,
  changedAt?: ChangedAt,
) {
  const winner = view.get(key);
  const merged = winner?.value ?? undefined;
  if (sameValue(local, merged)) return;
  const parsed = parseKey(key);
  if (!parsed) return;
  const changedHere = changedAt?.(key);
  if (winner && !winner.seen && (changedHere === undefined || changedHere < winner.stamp)) {
    if (checkShared(parsed, merged ?? undefined))
      out.take.push({ key: parsed, name: key, value: merged ?? undefined });
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
export function reconcileAll(
  data: Readonly<ProgressFile>,
  view: MergedView,
  changedAt?: ChangedAt,
): Reconciled {
  const out: Reconciled = { take: [], log: [], unusable: 0 };
  let visited = 0;
  const visit = (key: string, local: SharedValue | undefined) => {
    const winner = view.get(key);
    if (winner !== undefined && winner.value !== null) visited += 1;
    // The common case, all primitives: equal, nothing to do.
    if (winner === undefined ? local === undefined : winner.value === local) return;
    decide(out, view, key, local, changedAt);
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
    if (winner.value !== null && !local.has(key)) decide(out, view, key, undefined, changedAt);
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
  changedAt?: ChangedAt,
): Reconciled {
  const out: Reconciled = { take: [], log: [], unusable: 0 };
  const entries: Entry[] = [];
  for (const emailId of new Set(emailIds))
    entries.push(...emailEntries(emailId, emailEntry(data.emails, emailId)));
  for (const [key, value] of entries) decide(out, view, key, value, changedAt);
  return out;
}
