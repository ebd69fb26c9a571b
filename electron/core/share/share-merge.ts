import type { Stamp } from './hlc';
import { forEachRecord, type Batch, type LogRecord, type SharedValue } from './share-log';

/**
 * Last writer wins, per key: of all records for a key, in every computer's
 * log, the one with the latest stamp (then the larger device id) is the
 * value. Taking a maximum is commutative, associative and idempotent, so
 * the order in which a sync service delivers the files never matters.
 */

export interface Winner {
  stamp: Stamp;
  device: string;
  value: SharedValue;
  /** Already taken into this computer's progress (false: arrived since). */
  seen: boolean;
}

export type MergedView = Map<string, Winner>;

/** > 0 when `a` wins over `b`. Two records tie only when a log was copied. */
export function compareRecords(
  a: Pick<Winner, 'stamp' | 'device' | 'value'>,
  b: Pick<Winner, 'stamp' | 'device' | 'value'>,
): number {
  if (a.stamp !== b.stamp) return a.stamp - b.stamp;
  if (a.device !== b.device) return a.device > b.device ? 1 : -1;
  if (a.value === b.value) return 0;
  // A device that reused a stamp (a restored copy of its data): any fixed order will do.
  const ja = JSON.stringify(a.value);
  const jb = JSON.stringify(b.value);
  return ja === jb ? 0 : ja > jb ? 1 : -1;
}

/**
 * Merges one log's records into `view`. Records stamped at or before
 * `seenUpTo` were taken into this computer's progress on an earlier pass.
 */
export function mergeRecords(
  view: MergedView,
  device: string,
  records: readonly LogRecord[],
  seenUpTo?: Stamp,
): void {
  for (const { stamp, key, value } of records) mergeOne(view, device, stamp, key, value, seenUpTo);
}

/** The same for a parsed log's batches. */
export function mergeBatches(
  view: MergedView,
  device: string,
  batches: readonly Batch[],
  seenUpTo?: Stamp,
): void {
  forEachRecord(batches, (stamp, key, value) =>
    mergeOne(view, device, stamp, key, value, seenUpTo),
  );
}

function mergeOne(
  view: MergedView,
  device: string,
  stamp: Stamp,
  key: string,
  value: SharedValue,
  seenUpTo: Stamp | undefined,
): void {
  const seen = seenUpTo !== undefined && stamp <= seenUpTo;
  const current = view.get(key);
  if (current === undefined) {
    view.set(key, { stamp, device, value, seen });
    return;
  }
  const order = compareRecords({ stamp, device, value }, current);
  if (order > 0) {
    // Changed in place: a view of 10,000 emails is rebuilt on every opening.
    current.stamp = stamp;
    current.device = device;
    current.value = value;
    current.seen = seen;
  } else if (order === 0 && seen && !current.seen) current.seen = true;
}

/** The value a key has in the merged view; undefined when absent or removed. */
export function valueOf(view: MergedView, key: string): SharedValue | undefined {
  const winner = view.get(key);
  return winner === undefined || winner.value === null ? undefined : winner.value;
}
