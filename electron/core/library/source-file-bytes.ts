import { asciiJson } from './durable-fs';
import type { SourceFile, StoredItem } from './model';

/**
 * Each stored email's bytes in its file, kept for as long as the email object
 * lives. A first sync saves its archive after every page so the learner reads
 * the first emails while the rest arrive; serializing (and escaping) every
 * email again at each of those saves cost more than parsing and sanitizing
 * them. An email is never changed in place (a new version is a new object):
 * once its bytes are kept it is frozen, so a change in place fails loudly
 * instead of leaving stale bytes to be written.
 */
const itemBytes = new WeakMap<StoredItem, Uint8Array>();

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/** The source file as saved: ASCII JSON (see asciiJson), emails in their order. */
export function sourceFileBytes(file: SourceFile): Buffer {
  const { items, ...rest } = file;
  // `items` is the last key, so the shell ends with `[]}`: the emails go between.
  const shell = asciiJson(JSON.stringify({ ...rest, items: [] }));
  const parts: Uint8Array[] = [Buffer.from(shell.slice(0, -2), 'latin1')];
  for (const [i, item] of items.entries()) {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(item));
  }
  parts.push(END);
  return Buffer.concat(parts);
}

function bytesOf(item: StoredItem): Uint8Array {
  let bytes = itemBytes.get(item);
  if (bytes === undefined) {
    bytes = Buffer.from(asciiJson(JSON.stringify(item)), 'latin1');
    itemBytes.set(deepFreeze(item), bytes);
  }
  return bytes;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
