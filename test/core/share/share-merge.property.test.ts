import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/share/hlc';
import type { LogRecord } from '../../../electron/core/share/share-log';
import { mergeRecords, type MergedView } from '../../../electron/core/share/share-merge';

const DEVICES = ['laptop0001', 'desktop001', 'studypc001'] as const;

/** A record from one of three computers; few keys, walls and values, so ties and clashes are common. */
const recordArb = fc.record({
  device: fc.constantFrom(...DEVICES),
  wall: fc.integer({ min: 0, max: 5 }),
  counter: fc.integer({ min: 0, max: 2 }),
  key: fc.constantFrom('e/seq.e1/d', 'e/seq.e1/n', 'e/seq.e2/d', 'p/seq21oct13', 's/theme'),
  value: fc.oneof(
    fc.constant(null),
    fc.constantFrom('2026-11-30T09:00:00.000Z', 'a note', 'dark'),
    fc.record({ startOn: fc.constantFrom('2026-12-01', '2026-12-02') }),
  ),
});

type Tagged = { device: string; record: LogRecord };

function tag(r: typeof recordArb extends fc.Arbitrary<infer T> ? T : never): Tagged {
  const stamp = makeStamp({ wall: Date.UTC(2026, 10, 30) + r.wall, counter: r.counter });
  return { device: r.device, record: { stamp, key: r.key, value: r.value } };
}

function merged(records: readonly Tagged[], into: MergedView = new Map()): MergedView {
  for (const { device, record } of records) mergeRecords(into, device, [record]);
  return into;
}

/** The view as plain data, the `seen` flags aside. */
function plain(view: MergedView): Record<string, unknown> {
  return Object.fromEntries(
    [...view]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, w]) => [k, [w.stamp, w.device, w.value]]),
  );
}

const logs = fc.array(recordArb.map(tag), { maxLength: 40 });

describe('merging the computers’ logs', () => {
  it('is commutative: the order the service delivers records in never matters', () => {
    fc.assert(
      fc.property(logs, fc.infiniteStream(fc.nat()), (records, seeds) => {
        const shuffled = [...records];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(plain(merged(shuffled))).toEqual(plain(merged(records)));
      }),
      { numRuns: 300 },
    );
  });

  it('is associative: merging (a with b) then c equals a with (b then c), as whole logs', () => {
    fc.assert(
      fc.property(logs, logs, logs, (a, b, c) => {
        const left = merged(c, merged(b, merged(a)));
        const right = merged([...merged([...b, ...c]).entries()].map(toTagged), merged(a));
        expect(plain(left)).toEqual(plain(right));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: a log delivered twice (or a conflict copy of it) changes nothing', () => {
    fc.assert(
      fc.property(logs, logs, (a, b) => {
        expect(plain(merged([...a, ...b, ...a]))).toEqual(plain(merged([...a, ...b])));
      }),
      { numRuns: 300 },
    );
  });
});

function toTagged([key, w]: [
  string,
  { stamp: number; device: string; value: LogRecord['value'] },
]): Tagged {
  return { device: w.device, record: { stamp: w.stamp, key, value: w.value } };
}
