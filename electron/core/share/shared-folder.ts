import type { HybridClock, Stamp } from './hlc';
import { OwnLog } from './own-log';
import { FolderReader, type FolderLog } from './share-folder';
import type { LogHeader, LogRecord, ParsedLog } from './share-log';
import { mergeBatches, mergeRecords, type MergedView } from './share-merge';

/** After every stamp: this computer's own records are always in its progress already. */
const EVERYTHING: Stamp = Number.MAX_SAFE_INTEGER;

/**
 * How long after its first look a session waits for a log it took records
 * from before (missing, or shorter than what was taken) to be back whole. A
 * sync service replaces a file in seconds; a log gone for longer (a conflict
 * copy someone deleted) stops holding this computer's own changes back.
 */
export const BEHIND_GRACE_MS = 120_000;

/**
 * The shared folder as this computer knows it: every log read (conflict
 * copies included), their merge, and its own log to append to.
 *
 * Another computer's log, once read, is never forgotten while sharing runs:
 * logs only grow, and a sync service replacing a copy does not do it in one
 * step (Syncthing removes the old file, then renames the new one into place;
 * a conflict can put back an older copy for a while). Comparing with a view
 * that lost those records would log what was taken from that computer as this
 * one's own, newer changes, and they would outvote what it changed meanwhile.
 * This computer's own log is taken as it is in the folder: what is missing
 * from it is logged again. At a session's first looks there is no copy read
 * before to fall back on: a log taken from in an earlier session that is now
 * missing or shorter makes the folder `behind`, and nothing is logged until it
 * is back (or BEHIND_GRACE_MS has passed).
 */
export class SharedFolder {
  view: MergedView = new Map();
  /** The logs in the folder at the last look (what the learner is told about). */
  logs: FolderLog[] = [];
  /** The folder has been read at least once: until then nothing can be compared. */
  ready = false;
  /** A log taken from before is missing or shorter here: compare, take in, but log nothing yet. */
  behind = false;
  private firstLookAt?: number;
  private readonly reader: FolderReader;
  private readonly own: OwnLog;
  /** Other computers' logs by file name, the longest copy read of each. */
  private readonly others = new Map<string, ParsedLog>();
  /** The logs the view was merged from at the last look. */
  private merged: Array<{ name: string; log: ParsedLog }> = [];

  constructor(
    readonly path: string,
    private readonly self: LogHeader,
  ) {
    this.reader = new FolderReader(path);
    this.own = new OwnLog(path, self);
  }

  /** Creates this computer's log if needed: proves the folder can be written. */
  join(): Promise<void> {
    return this.own.append([]);
  }

  /**
   * Reads what changed and merges everything again. Records up to `seen[file]`
   * were taken into this computer's progress before. Throws the file system's
   * error when the folder cannot be read. True when anything changed.
   */
  async look(
    seen: Readonly<Record<string, Stamp>>,
    clock: HybridClock,
    nowMs: number,
  ): Promise<boolean> {
    this.firstLookAt ??= nowMs;
    const scan = await this.reader.scan();
    if (!scan.changed && this.ready) {
      // Still waiting for a log to come back whole: the wait itself may have ended.
      if (this.behind) this.behind = this.lagging(seen, nowMs);
      return false;
    }
    const merged = new Map<string, ParsedLog>();
    for (const { name, log } of scan.logs) {
      if (!log.header || log.newer) continue;
      merged.set(name, log.header.device === this.self.device ? log : this.longest(name, log));
    }
    for (const [name, log] of this.others) if (!merged.has(name)) merged.set(name, log);
    const view: MergedView = new Map();
    for (const [name, log] of merged) {
      const device = log.header!.device;
      mergeBatches(
        view,
        device,
        log.batches,
        device === this.self.device ? EVERYTHING : seen[name],
      );
      if (log.maxStamp !== undefined) clock.observe(log.maxStamp);
    }
    this.view = view;
    this.logs = scan.logs;
    this.merged = [...merged].map(([name, log]) => ({ name, log }));
    this.ready = true;
    this.behind = this.lagging(seen, nowMs);
    return true;
  }

  /** Some other computer's log holds less here than this computer took from it before. */
  private lagging(seen: Readonly<Record<string, Stamp>>, nowMs: number): boolean {
    if (nowMs - (this.firstLookAt ?? nowMs) > BEHIND_GRACE_MS) return false;
    const read = new Map(this.merged.map(({ name, log }) => [name, log.maxStamp]));
    return Object.entries(seen).some(
      ([name, stamp]) => name !== this.own.name && (read.get(name) ?? -Infinity) < stamp,
    );
  }

  /** Everything read is now in the progress: moves `seen` on; true when it moved. */
  markSeen(seen: Record<string, Stamp>): boolean {
    let moved = false;
    for (const { name, log } of this.merged) {
      const before = seen[name];
      if (log.maxStamp !== undefined && (before === undefined || log.maxStamp > before)) {
        seen[name] = log.maxStamp;
        moved = true;
      }
    }
    for (const winner of this.view.values()) winner.seen = true;
    return moved;
  }

  /**
   * Forgets the logs taken from in earlier sessions that are still missing
   * once the wait for them is over (deleted for good), so that later sessions
   * do not wait for them again. Only after a pass that compared everything and
   * logged what differed: the values taken from such a log are then in this
   * computer's own log, with later stamps, so if it ever comes back its
   * records (no longer marked as taken) can only agree or lose. A file still in
   * the folder (even unreadable), or read in this session (`others`), is never
   * forgotten. True when any was.
   */
  forgetGone(seen: Record<string, Stamp>): boolean {
    if (this.behind) return false;
    const present = new Set([...this.logs, ...this.merged].map(({ name }) => name));
    let forgot = false;
    for (const name of Object.keys(seen)) {
      if (name === this.own.name || present.has(name)) continue;
      delete seen[name];
      forgot = true;
    }
    return forgot;
  }

  /** Of another computer's log, the copy read now or a longer one read before. */
  private longest(name: string, log: ParsedLog): ParsedLog {
    const kept = this.others.get(name);
    if (kept && kept.batches.length > log.batches.length) return kept;
    this.others.set(name, log);
    return log;
  }

  async append(records: LogRecord[]): Promise<void> {
    await this.own.append(records);
    mergeRecords(this.view, this.self.device, records, EVERYTHING);
  }

  newerLogs(): string[] {
    return this.logs
      .filter(({ log }) => log.newer)
      .map(({ log, name }) => log.header?.name ?? name);
  }
}
