import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/share/hlc';
import {
  encodeHeader,
  encodeRecords,
  parseLog,
  recordsOf,
  type LogRecord,
} from '../../../electron/core/share/share-log';

const header = encodeHeader({ device: 'laptop0001', name: 'laptop' });
/** Record n; records of one minute share a millisecond, with consecutive counters. */
const r = (
  n: number,
  value: LogRecord['value'] = `2026-11-30T09:0${n}:00.000Z`,
  minute = n,
): LogRecord => ({
  stamp: makeStamp({ wall: Date.UTC(2026, 10, 30, 9, minute), counter: n }),
  key: `e/seq.e${n}/d`,
  value,
});

describe('a computer’s log file', () => {
  it('reads back what was written, batch by batch', () => {
    const text =
      header +
      encodeRecords([r(1, undefined, 0), r(2, undefined, 0)]) +
      encodeRecords([r(3, null)]);
    expect(text.split('\n')).toHaveLength(4);
    const log = parseLog(text);
    expect(log.header).toEqual({ device: 'laptop0001', name: 'laptop' });
    expect(recordsOf(log).map((x) => x.key)).toEqual(['e/seq.e1/d', 'e/seq.e2/d', 'e/seq.e3/d']);
    expect(recordsOf(log)[2]!.value).toBeNull();
    expect(log.maxStamp).toBe(r(3).stamp);
    expect(log.incomplete).toBe(false);
  });

  it('ignores a batch the sync service has only partly copied, until it is complete', () => {
    const full =
      header + encodeRecords([r(1)]) + encodeRecords([r(2, undefined, 0), r(3, undefined, 0)]);
    const cut = full.slice(0, full.length - 20);
    const log = parseLog(cut);
    expect(recordsOf(log).map((x) => x.key)).toEqual(['e/seq.e1/d']);
    expect(log.incomplete).toBe(true);
    expect(recordsOf(parseLog(full))).toHaveLength(3);
  });

  it('stops at a line whose checksum does not match, even when later lines are fine', () => {
    const second = encodeRecords([r(2)]).replace('seq.e2', 'seq.e9');
    const log = parseLog(header + encodeRecords([r(1)]) + second + encodeRecords([r(3)]));
    expect(recordsOf(log).map((x) => x.key)).toEqual(['e/seq.e1/d']);
    expect(log.incomplete).toBe(true);
  });

  it('reads nothing from a file whose header is not there yet, and nothing from a newer Studyline', () => {
    expect(parseLog(header.slice(0, 12))).toMatchObject({ batches: [], incomplete: true });
    expect(parseLog('')).toMatchObject({ batches: [], incomplete: false });
    // A header as a newer writer would make it, with its own valid checksum.
    const json = header.slice(9, -1).replace('"v":1', '"v":9');
    const line = `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    expect(parseLog(line + encodeRecords([r(1)]))).toMatchObject({
      newer: true,
      batches: [],
      header: { name: 'laptop' },
    });
  });

  it('writes notes in any language as ASCII, and still reads logs written with them as they are', () => {
    const note = 'Café ✓ 学习 — ask the group 🙂';
    const text = header + encodeRecords([r(1, note), r(2)]);
    expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(recordsOf(parseLog(text))[0]!.value).toBe(note);

    // A line as an earlier Studyline wrote it: the note's characters raw, summed as UTF-8.
    const json = JSON.stringify([r(3).stamp, 'e/seq.e3/n', note]);
    const older = `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    const log = parseLog(Buffer.from(text + older + encodeRecords([r(4)])));
    expect(recordsOf(log).map((x) => x.value)).toEqual([note, r(2).value, note, r(4).value]);
    expect(log.incomplete).toBe(false);
  });
});
