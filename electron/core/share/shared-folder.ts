import type { HybridClock, Stamp } from './hlc';
import { OwnLog } from './own-log';
import { FolderReader, type FolderLog } from './share-folder';
import type { LogHeader, LogRecord } from './share-log';
import { mergeBatches, mergeRecords, type MergedView } from './share-merge';

/** After every stamp: this computer's own records are always in its progress already. */
const EVERYTHING: Stamp = Number.MAX_SAFE_INTEGER;

/**
 * The shared folder as this computer knows it: every log read (conflict
 * copies included), their merge, and its own log to append to.
 */
export class SharedFolder {
  view: MergedView = new Map();
  logs: FolderLog[] = [];
  /** The folder has been read at least once: until then nothing can be compared. */
  ready = false;
  private readonly reader: FolderReader;
  private readonly own: OwnLog;

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
  async look(seen: Readonly<Record<string, Stamp>>, clock: HybridClock): Promise<boolean> {
    const scan = await this.reader.scan();
    if (!scan.changed && this.ready) return false;
    const view: MergedView = new Map();
    for (const { name, log } of scan.logs) {
      if (!log.header || log.newer) continue;
      const mine = log.header.device === this.self.device;
      mergeBatches(view, log.header.device, log.batches, mine ? EVERYTHING : seen[name]);
      if (log.maxStamp !== undefined) clock.observe(log.maxStamp);
    }
    this.view = view;
    this.logs = scan.logs;
    this.ready = true;
    return true;
  }

  /** Everything read is now in the progress: moves `seen` on; true when it moved. */
  markSeen(seen: Record<string, Stamp>): boolean {
    let moved = false;
    for (const { name, log } of this.logs) {
      const before = seen[name];
      if (log.maxStamp !== undefined && (before === undefined || log.maxStamp > before)) {
        seen[name] = log.maxStamp;
        moved = true;
      }
    }
    for (const winner of this.view.values()) winner.seen = true;
    return moved;
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
