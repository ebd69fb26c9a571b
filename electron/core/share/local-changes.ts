import { emailEntry, type Change } from '../library/progress-state';
import type { EmailState, ProgressFile } from '../library/model';
import type { HybridClock, Stamp } from './hlc';
import { reconcileAll, reconcileEmails, type Reconciled } from './reconcile';
import type { SharedValue } from './share-log';
import { valueOf, type MergedView } from './share-merge';
import { emailEntries, projectProgress, sameValue, smallEntries } from './shared-keys';

type Value = SharedValue | undefined;

/**
 * This computer's changes not logged yet, value by value, each with the
 * moment it was made (a stamp of the session's clock). Another computer's
 * record for the same value can arrive before the change is logged (a look at
 * the folder was under way, or the folder was `behind`): last writer wins, so
 * that record is taken in only if it was made later.
 *
 * Changes are noted as they are made in memory, before they are written (a
 * look may end in between), and only the values they change: opening an
 * email does not make its done mark newer. A change that makes a value agree
 * with the merged one (taking in the other computers' values does just that)
 * leaves nothing to log.
 */
export class LocalChanges {
  private readonly pending = new Map<string, { stamp: Stamp; value: Value }>();

  constructor(private readonly clock: HybridClock) {}

  get size(): number {
    return this.pending.size;
  }

  /** When the value at `key` was changed here, if that change is not logged yet. */
  readonly changedAt = (key: string): Stamp | undefined => this.pending.get(key)?.stamp;

  /**
   * Notes a change just made. `view`: the merged values, or undefined before
   * the folder was first read (then every value changed is noted).
   */
  notice(change: Change, view: MergedView | undefined): void {
    let stamp: Stamp | undefined;
    for (const [key, value] of changedValues(change)) {
      if (view && sameValue(value, valueOf(view, key))) this.pending.delete(key);
      else this.pending.set(key, { stamp: (stamp ??= this.clock.tick()), value });
    }
  }

  /** The emails whose changes are pending; undefined when other values are too. */
  private emailIds(): string[] | undefined {
    const ids = new Set<string>();
    for (const key of this.pending.keys()) {
      if (!key.startsWith('e/')) return undefined;
      ids.add(key.slice(2, key.lastIndexOf('/')));
    }
    return [...ids];
  }

  /** Compares everything (see reconcileAll), taking these changes into account. */
  compareAll(data: Readonly<ProgressFile>, view: MergedView): Reconciled {
    const found = reconcileAll(data, view, this.changedAt);
    this.keep(found);
    return found;
  }

  /** Compares what changed here: only the emails changed, when only emails were. */
  comparePending(data: Readonly<ProgressFile>, view: MergedView): Reconciled {
    const ids = this.emailIds();
    const found = ids
      ? reconcileEmails(data, view, ids, this.changedAt)
      : reconcileAll(data, view, this.changedAt);
    this.keep(found);
    return found;
  }

  /** After comparing every pending value: forgets those left with nothing to do. */
  private keep(found: Reconciled): void {
    const open = new Set<string>(found.take.map(({ name }) => name));
    for (const { key } of found.log) open.add(key);
    for (const key of this.pending.keys()) if (!open.has(key)) this.pending.delete(key);
  }

  /** Appended to the log: forgotten, unless changed again meanwhile. */
  logged(entries: Reconciled['log']): void {
    for (const { key, value } of entries) {
      const pending = this.pending.get(key);
      if (pending && sameValue(pending.value, value)) this.pending.delete(key);
    }
  }

  clear(): void {
    this.pending.clear();
  }

  /** What is pending, with when it was made: kept in share.json across a restart. */
  stamps(): Record<string, Stamp> | undefined {
    if (this.pending.size === 0) return undefined;
    return Object.fromEntries([...this.pending].map(([key, { stamp }]) => [key, stamp]));
  }

  /** Takes back what was pending when sharing last stopped, with the values as they are now. */
  restore(stamps: Readonly<Record<string, Stamp>>, data: Readonly<ProgressFile>): void {
    const keys = Object.keys(stamps);
    if (keys.length === 0) return;
    const values = projectProgress(data);
    for (const key of keys) {
      if (!this.pending.has(key))
        this.pending.set(key, { stamp: stamps[key]!, value: values.get(key) });
    }
  }
}

/** The shared values a change replaced, with what it put there (undefined: removed). */
function changedValues(change: Change): Array<[string, Value]> {
  if (change.emailId !== undefined)
    return changedFields(change.emailId, change.before, change.after);
  const { before, after } = change;
  const out: Array<[string, Value]> = [];
  // Email states are replaced, never changed in place: an untouched one is the same object.
  if (before.emails !== after.emails) {
    const ids = new Set([...Object.keys(before.emails), ...Object.keys(after.emails)]);
    for (const id of ids) {
      const was = emailEntry(before.emails, id);
      const now = emailEntry(after.emails, id);
      if (was !== now) out.push(...changedFields(id, was, now));
    }
  }
  const gone = new Map(smallEntries(before));
  for (const [key, value] of smallEntries(after)) {
    if (!sameValue(gone.get(key), value)) out.push([key, value]);
    gone.delete(key);
  }
  for (const [key, value] of gone) if (value !== undefined) out.push([key, undefined]);
  return out;
}

function changedFields(
  emailId: string,
  before: EmailState | undefined,
  after: EmailState | undefined,
): Array<[string, Value]> {
  const was = emailEntries(emailId, before);
  return emailEntries(emailId, after).filter(([, value], i) => !sameValue(was[i]![1], value));
}
