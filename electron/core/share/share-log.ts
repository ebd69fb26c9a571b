import { crc32 } from 'node:zlib';
import { isStamp, type Stamp } from './hlc';

/**
 * One computer's log in the shared folder: a header line naming the computer,
 * then one line per batch of changes. Every line is `<crc32> <json>`, so a
 * line the sync service has only partly copied (or mixed from two versions)
 * is recognised and the file is read only up to it, until it is complete.
 */

export const LOG_VERSION = 1;
const LOG_KIND = 'studyline-shared-progress';
const DEVICE_PATTERN = /^[a-z0-9]{6,32}$/;
const MAX_KEY_LENGTH = 1000;

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

export interface ParsedLog {
  header?: LogHeader;
  /** Records of the readable beginning of the file, in file order. */
  records: LogRecord[];
  /** The latest stamp among them. */
  maxStamp?: Stamp;
  /** More follows the readable part: a line being written or copied right now. */
  incomplete: boolean;
  /** Written by a newer Studyline: not read at all. */
  newer: boolean;
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_PATTERN.test(value);
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

function line(json: string): string {
  return `${checksum(json)} ${json}\n`;
}

export function encodeHeader(header: LogHeader): string {
  return line(JSON.stringify({ kind: LOG_KIND, v: LOG_VERSION, ...header }));
}

export function encodeRecords(records: readonly LogRecord[]): string {
  return line(JSON.stringify(records.map((r) => [r.stamp, r.key, r.value])));
}

/** The JSON of a line whose checksum matches, else undefined. */
function verified(text: string): unknown {
  if (text.length < 10 || text[8] !== ' ') return undefined;
  const json = text.slice(9);
  if (checksum(json) !== text.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function asHeader(value: unknown): { header?: LogHeader; version?: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { kind, v, device, name } = value as Record<string, unknown>;
  if (kind !== LOG_KIND || typeof v !== 'number' || !isDeviceId(device)) return {};
  return { header: { device, name: typeof name === 'string' ? name : device }, version: v };
}

function asRecords(value: unknown): LogRecord[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const records: LogRecord[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || item.length !== 3) return undefined;
    const [stamp, key, recordValue] = item as [unknown, unknown, SharedValue];
    if (!isStamp(stamp) || typeof key !== 'string' || key.length > MAX_KEY_LENGTH) return undefined;
    records.push({ stamp, key, value: recordValue });
  }
  return records;
}

export function parseLog(text: string): ParsedLog {
  const parsed: ParsedLog = { records: [], incomplete: false, newer: false };
  const lines = text.split('\n');
  // After the last newline: an append still on its way.
  const tail = lines.pop() ?? '';
  const { header, version } = asHeader(verified(lines[0] ?? ''));
  if (!header || version === undefined) {
    parsed.incomplete = text.length > 0;
    return parsed;
  }
  if (version > LOG_VERSION) return { ...parsed, header, newer: true };
  parsed.header = header;
  for (let i = 1; i < lines.length; i++) {
    const records = asRecords(verified(lines[i]!));
    // Everything after a damaged line waits for it: the log is only ever read as a prefix.
    if (!records) return { ...parsed, incomplete: true };
    for (const record of records) {
      parsed.records.push(record);
      if (parsed.maxStamp === undefined || record.stamp > parsed.maxStamp)
        parsed.maxStamp = record.stamp;
    }
  }
  parsed.incomplete = tail !== '';
  return parsed;
}
