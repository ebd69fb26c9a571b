import { isAscii } from 'node:buffer';
import { crc32 } from 'node:zlib';
import { asciiJson } from '../library/durable-fs';
import { isStamp, type Stamp } from './hlc';

/**
 * One computer's log in the shared folder: a header line naming the computer,
 * then one line per batch of changes. Every line is `<crc32> <json>`, so a
 * line the sync service has only partly copied (or mixed from two versions)
 * is recognised, and the file is read only up to it until it is complete.
 *
 * A batch is `[first stamp, key, value, key, value, …]`: its changes carry
 * consecutive stamps, so only the first is written.
 */

export const LOG_VERSION = 1;
const LOG_KIND = 'studyline-shared-progress';
const DEVICE_PATTERN = /^[a-z0-9]{6,32}$/;
const MAX_KEY_LENGTH = 1000;
const NEWLINE = 0x0a;

/** A shared value: plain JSON. `null` is a removal (a tombstone). */
export type SharedValue = string | number | boolean | null | SharedValue[] | SharedObject;
export interface SharedObject {
  [key: string]: SharedValue;
}

export interface LogRecord {
  stamp: Stamp;
  key: string;
  value: SharedValue;
}

export interface LogHeader {
  device: string;
  /** The computer's name, for the learner ("laptop"). */
  name: string;
}

/**
 * One line's batch as parsed and checked: `[first stamp, key, value, …]`.
 * Kept as it came from JSON.parse: a 10,000-email log is read on every
 * opening, and a record object per change would only feed the collector.
 */
export type Batch = readonly unknown[];

export interface ParsedLog {
  header?: LogHeader;
  /** Batches of the readable beginning of the file, in file order. */
  batches: Batch[];
  /** The latest stamp among them. */
  maxStamp?: Stamp;
  /** More follows the readable part: a line being written or copied right now. */
  incomplete: boolean;
  /** Written by a newer Studyline: not read at all. */
  newer: boolean;
  /** Bytes of the readable part. */
  readableBytes: number;
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_PATTERN.test(value);
}

/** A log line, all ASCII (what lies past it escaped): readers then slice one text, see parseLog. */
function line(value: string): string {
  const json = asciiJson(value);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

export function encodeHeader(header: LogHeader): string {
  return line(JSON.stringify({ kind: LOG_KIND, v: LOG_VERSION, ...header }));
}

/** One line per run of consecutive stamps (one line for a batch from the clock's tickMany). */
export function encodeRecords(records: readonly LogRecord[]): string {
  let text = '';
  let batch: unknown[] = [];
  let next = -1;
  for (const { stamp, key, value } of records) {
    if (batch.length > 0 && stamp !== next) {
      text += line(JSON.stringify(batch));
      batch = [];
    }
    if (batch.length === 0) batch.push(stamp);
    batch.push(key, value);
    next = stamp + 1;
  }
  return batch.length > 0 ? text + line(JSON.stringify(batch)) : text;
}

function asHeader(value: unknown): { header?: LogHeader; version?: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { kind, v, device, name } = value as Record<string, unknown>;
  if (kind !== LOG_KIND || typeof v !== 'number' || !isDeviceId(device)) return {};
  return { header: { device, name: typeof name === 'string' ? name : device }, version: v };
}

/** The batch, or undefined when malformed; its last stamp is `first + records - 1`. */
function asBatch(value: unknown): Batch | undefined {
  if (!Array.isArray(value) || value.length < 3 || value.length % 2 === 0) return undefined;
  const first = value[0] as unknown;
  if (!isStamp(first) || !isStamp(first + value.length)) return undefined;
  for (let i = 1; i < value.length; i += 2) {
    const key = value[i] as unknown;
    if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH) return undefined;
  }
  return value as Batch;
}

/** Calls `each` for every record of the batches, in order. */
export function forEachRecord(
  batches: readonly Batch[],
  each: (stamp: Stamp, key: string, value: SharedValue) => void,
): void {
  for (const batch of batches) {
    const first = batch[0] as Stamp;
    for (let i = 1; i < batch.length; i += 2)
      each(first + (i - 1) / 2, batch[i] as string, batch[i + 1] as SharedValue);
  }
}

/** The records of a log as objects (tests, and the rare rewrite of a log). */
export function recordsOf(log: ParsedLog): LogRecord[] {
  const records: LogRecord[] = [];
  forEachRecord(log.batches, (stamp, key, value) => records.push({ stamp, key, value }));
  return records;
}

/** The 8 hex digits at `start` (a line's checksum), or -1: read from the bytes, no text made. */
function checksumAt(bytes: Buffer, start: number): number {
  let value = 0;
  for (let i = start; i < start + 8; i += 1) {
    const c = bytes[i]!;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * The JSON of the line at [start, end) when its checksum matches, else
 * undefined. `text` is the whole log as text when it is all ASCII (byte and
 * character offsets then agree): each line's JSON is a slice of it instead
 * of a decoding of its own, which cost more than the parse itself.
 */
function verifiedLine(bytes: Buffer, start: number, end: number, text?: string): unknown {
  if (end - start < 10 || bytes[start + 8] !== 0x20) return undefined;
  // Checked on the bytes themselves: no decoding before the line is known whole.
  if (crc32(bytes.subarray(start + 9, end)) !== checksumAt(bytes, start)) return undefined;
  try {
    return JSON.parse(
      text === undefined ? bytes.toString('utf8', start + 9, end) : text.slice(start + 9, end),
    );
  } catch {
    return undefined;
  }
}

export function parseLog(input: Buffer | string): ParsedLog {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const parsed: ParsedLog = { batches: [], incomplete: false, newer: false, readableBytes: 0 };
  const firstEnd = bytes.indexOf(NEWLINE);
  const { header, version } = asHeader(firstEnd < 0 ? undefined : verifiedLine(bytes, 0, firstEnd));
  if (!header || version === undefined) return { ...parsed, incomplete: bytes.length > 0 };
  if (version > LOG_VERSION) return { ...parsed, header, newer: true };
  parsed.header = header;
  // Logs are written in ASCII (see line()); an older one with other characters is decoded per line.
  const text = isAscii(bytes) ? bytes.toString('latin1') : undefined;
  let start = firstEnd + 1;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    // Without its newline the line is still on its way; a damaged one hides what follows.
    const batch = end < 0 ? undefined : asBatch(verifiedLine(bytes, start, end, text));
    if (!batch) break;
    parsed.batches.push(batch);
    const last = (batch[0] as Stamp) + (batch.length - 3) / 2;
    if (parsed.maxStamp === undefined || last > parsed.maxStamp) parsed.maxStamp = last;
    start = end + 1;
  }
  parsed.readableBytes = start;
  parsed.incomplete = start < bytes.length;
  return parsed;
}
