import { createHash } from 'node:crypto';
import path from 'node:path';
import { diskError, StudylineError } from '../errors';
import {
  errorCode,
  syncFolder,
  unlinkIfPresent,
  writeAndSync,
  writeSynced,
  type DurableFs,
} from './durable-fs';
import { isRecord } from './durable-json';
import {
  journalDamagedInMemoryMessage,
  journalDamagedMessage,
  newerVersionError,
  readError,
} from './durable-messages';
import type { EmailState } from './model';

const JOURNAL_VERSION = 1;

/** One line of the journal: an email's whole new state (`s` absent: the state was removed). */
export interface JournalEntry {
  e: string;
  s?: EmailState;
}

/**
 * The journal as read: its first line names the snapshot generation it
 * continues; entries follow, one JSON line each.
 */
export interface ParsedJournal {
  generation?: number;
  entries: JournalEntry[];
  /** Bytes and lines of the readable part, header included. */
  bytes: number;
  lines: number;
  /** Unreadable lines followed by readable ones: damage, not an interrupted append. */
  damaged: number;
  /** The end could not be read (an append cut short): never append after it. */
  torn: boolean;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function asEntry(value: unknown): JournalEntry | undefined {
  if (!isRecord(value) || typeof value.e !== 'string' || value.e === '__proto__') return undefined;
  if (value.s !== undefined && !isRecord(value.s)) return undefined;
  return value.s === undefined ? { e: value.e } : { e: value.e, s: value.s };
}

export function parseJournal(text: string, file: string): ParsedJournal {
  const parsed: ParsedJournal = { entries: [], bytes: 0, lines: 0, damaged: 0, torn: false };
  if (text === '') return parsed;
  const lines = text.split('\n');
  // Text after the last newline was never acknowledged: appends end with one.
  const tail = lines.pop() ?? '';
  const header = parseLine(lines[0] ?? '');
  if (!isRecord(header) || typeof header.g !== 'number' || typeof header.v !== 'number') {
    // Without its generation the journal cannot be placed against the snapshot.
    parsed.damaged = lines.length;
    parsed.torn = true;
    return parsed;
  }
  if (header.v > JOURNAL_VERSION) throw newerVersionError('your progress', file);
  parsed.generation = header.g;
  let unreadable = 0;
  for (const line of lines.slice(1)) {
    const entry = asEntry(parseLine(line));
    if (!entry) {
      unreadable += 1;
      continue;
    }
    parsed.damaged += unreadable;
    unreadable = 0;
    parsed.entries.push(entry);
  }
  parsed.lines = lines.length - unreadable;
  parsed.bytes = Buffer.byteLength(lines.slice(0, parsed.lines).join('\n')) + parsed.lines;
  parsed.torn = tail !== '' || unreadable > 0 || parsed.damaged > 0;
  return parsed;
}

/** Named after its content: the same damage is copied, and told, once. */
function copyName(file: string, text: string): string {
  return `${file}.corrupt-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/**
 * progress.journal: per-email changes appended after the last snapshot of
 * progress.json, so recording one costs a line and an fsync whatever the size
 * of the snapshot.
 */
export class ProgressJournal {
  /** The snapshot generation the journal on disk continues (or will, once rewritten). */
  generation: number;
  bytes = 0;
  lines = 0;
  /** The file is missing or belongs to an older snapshot: the next append replaces it. */
  private replace = true;
  private exists = false;
  /** Appending would follow unreadable bytes: only a new snapshot makes it safe again. */
  needsSnapshot = false;

  constructor(
    readonly file: string,
    private readonly fs: DurableFs,
    snapshotGeneration: number,
    /** Set when this process must not write: why, in one sentence. */
    private readonly readOnlyBecause?: string,
  ) {
    this.generation = snapshotGeneration;
  }

  /** Entries to replay on the snapshot: none from a journal the snapshot already holds. */
  async load(onNotice?: (message: string) => void): Promise<JournalEntry[]> {
    const text = await this.readText();
    if (text === undefined) return [];
    this.exists = true;
    const parsed = parseJournal(text, this.file);
    const current = parsed.generation !== undefined && parsed.generation >= this.generation;
    // A journal the snapshot already holds loses nothing by being damaged.
    if (parsed.damaged > 0 && (current || parsed.generation === undefined)) {
      const notice = await this.tellDamage(text, parsed.damaged);
      if (notice) onNotice?.(notice);
    }
    if (!current) return [];
    // Newer than the snapshot only when the snapshot came back from its last good copy.
    this.generation = parsed.generation!;
    this.replace = false;
    this.needsSnapshot = parsed.torn;
    this.bytes = parsed.bytes;
    this.lines = parsed.lines;
    return parsed.entries;
  }

  /** Appends the entries and flushes them to the disk: one write, one fsync. */
  async append(entries: JournalEntry[]): Promise<void> {
    if (this.readOnlyBecause !== undefined)
      throw new StudylineError('locked', this.readOnlyBecause);
    const header = this.replace
      ? JSON.stringify({ v: JOURNAL_VERSION, g: this.generation }) + '\n'
      : '';
    const text = header + entries.map((entry) => JSON.stringify(entry) + '\n').join('');
    try {
      await writeAndSync(this.fs, this.file, this.replace ? 'w' : 'a', text);
    } catch (error) {
      // A replaced journal held nothing the snapshot lacks: half a new one is removed, not left behind.
      if (this.replace) {
        await unlinkIfPresent(this.fs, this.file).catch(() => undefined);
        this.exists = false;
      } else {
        this.needsSnapshot = true;
      }
      throw diskError(error, 'your progress');
    }
    if (!this.exists) await syncFolder(this.fs, path.dirname(this.file));
    this.exists = true;
    if (this.replace) this.bytes = this.lines = 0;
    this.replace = false;
    this.bytes += Buffer.byteLength(text);
    this.lines += header ? entries.length + 1 : entries.length;
  }

  /** A snapshot of generation `generation` now holds everything: the old journal is spent. */
  restart(generation: number): void {
    this.generation = generation;
    this.replace = true;
    this.needsSnapshot = false;
    this.bytes = 0;
    this.lines = 0;
  }

  private async readText(): Promise<string | undefined> {
    try {
      return await this.fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw readError(error, 'your progress');
    }
  }

  /**
   * Damaged lines are kept, never just dropped: they may be the only trace of
   * recent work. The copy is made once, and its existence means the learner was told.
   */
  private async tellDamage(text: string, lines: number): Promise<string | undefined> {
    const keptAs = copyName(this.file, text);
    if (await this.isPresent(keptAs)) return undefined;
    if (this.readOnlyBecause !== undefined) {
      return journalDamagedInMemoryMessage(lines, this.readOnlyBecause);
    }
    const tmp = `${keptAs}.tmp`;
    try {
      await writeSynced(this.fs, tmp, text);
      await this.fs.rename(tmp, keptAs);
      return journalDamagedMessage(lines, keptAs);
    } catch {
      await unlinkIfPresent(this.fs, tmp).catch(() => undefined);
      return journalDamagedMessage(lines, undefined);
    }
  }

  private async isPresent(file: string): Promise<boolean> {
    return this.fs.stat(file).then(
      () => true,
      () => false,
    );
  }
}
