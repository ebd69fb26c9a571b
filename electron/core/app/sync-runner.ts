import { randomUUID } from 'node:crypto';
import type { SyncScope } from '../../shared/contract';
import { isOfflineCode } from '../../shared/errors';
import type {
  LibraryChange,
  RunningSync,
  SourceSyncResult,
  SyncFinish,
  SyncProgress,
  SyncReport,
  SyncStatus,
} from '../../shared/types';
import { isStudylineError } from '../errors';
import { GENERIC_FAILURE } from './dispatch';
import type { StudylineCore } from './core-api';
import type { Emit } from './emit';

export interface SyncRunnerOptions {
  core: Pick<StudylineCore, 'sync' | 'sourceIdsFor' | 'sources'>;
  emit: Emit;
  newId?: () => string;
  now?: () => Date;
}

/**
 * The one owner of sync state, for the window, the tray and the scheduler
 * alike. One sync runs at a time and is told as `sync:begin`, `sync:progress`
 * and one `sync:finish`. A request while a sync runs joins it when that sync
 * will still fetch every source asked for (it has not finished them yet);
 * otherwise it waits and runs right after, merged with the others that waited.
 * Either way the caller gets its own report: its sources' results only.
 */
export interface SyncRunner {
  start(scope: SyncScope): Promise<SyncReport>;
  status(): SyncStatus;
  /** Stops the running sync (what was saved stays) and drops the waiting ones. */
  cancel(): void;
  /** Resolves once no sync runs or waits (quitting waits for this before closing the library). */
  settled(): Promise<void>;
}

interface RunParts {
  state: RunningSync;
  sources: Set<string>;
  /** Sources that have finished in this run: a retry of one of them must fetch it again. */
  finished: Set<string>;
  controller: AbortController;
}

interface Run extends RunParts {
  done: Promise<SyncReport>;
}

interface Waiter {
  sourceIds: string[];
  resolve: (report: SyncReport) => void;
  reject: (error: unknown) => void;
}

const FINAL_PHASES = new Set<SyncProgress['phase']>(['done', 'error', 'not-modified', 'skipped']);

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const { core, emit } = options;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());
  let running: Run | undefined;
  let waiting: Waiter[] = [];
  let last: SyncFinish | undefined;

  const begin = (sourceIds: string[]): Run => {
    const state: RunningSync = {
      syncId: newId(),
      sourceIds,
      startedAt: now().toISOString(),
      progress: [],
      cancelling: false,
    };
    const parts: RunParts = {
      state,
      sources: new Set(sourceIds),
      finished: new Set(),
      controller: new AbortController(),
    };
    emit('sync:begin', { syncId: state.syncId, sourceIds, startedAt: state.startedAt });
    const run: Run = { ...parts, done: execute(parts) };
    running = run;
    return run;
  };

  const onProgress = (run: RunParts, progress: SyncProgress) => {
    const list = run.state.progress;
    const index = list.findIndex((p) => p.sourceId === progress.sourceId);
    if (index < 0) list.push(progress);
    else list[index] = progress;
    if (FINAL_PHASES.has(progress.phase)) run.finished.add(progress.sourceId);
    emit('sync:progress', { syncId: run.state.syncId, progress });
  };

  const execute = async (run: RunParts): Promise<SyncReport> => {
    const { syncId, sourceIds } = run.state;
    let report: SyncReport;
    let failure: Error | undefined;
    try {
      report = await core.sync(
        { sourceIds },
        { signal: run.controller.signal, onProgress: (p) => onProgress(run, p) },
      );
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      report = failedReport(run, error, now());
    }
    last = { syncId, report, changed: await changedBy(report) };
    running = undefined;
    emit('sync:finish', last);
    startWaiting();
    if (failure !== undefined) throw failure;
    return report;
  };

  const changedBy = async (report: SyncReport): Promise<LibraryChange> => {
    const sourceIds = report.results
      .filter((r) => r.newItems + r.updatedItems > 0)
      .map((r) => r.sourceId);
    if (sourceIds.length === 0) return { courseIds: [], sourceIds };
    const views = await core.sources().catch(() => []);
    const courseIds = new Set(
      views.filter((v) => sourceIds.includes(v.id)).flatMap((v) => v.courseIds),
    );
    return { courseIds: [...courseIds], sourceIds };
  };

  /** Those who asked during the last run go next, as one sync of every source they asked for. */
  const startWaiting = () => {
    const waiters = waiting;
    waiting = [];
    if (waiters.length === 0) return;
    const run = begin([...new Set(waiters.flatMap((w) => w.sourceIds))]);
    for (const waiter of waiters) {
      run.done.then((report) => waiter.resolve(ownReport(report, waiter.sourceIds)), waiter.reject);
    }
  };

  const joins = (run: Run, sourceIds: string[]) =>
    sourceIds.every((id) => run.sources.has(id) && !run.finished.has(id));

  return {
    async start(scope) {
      const sourceIds = core.sourceIdsFor(scope);
      if (running && joins(running, sourceIds)) {
        return ownReport(await running.done, sourceIds);
      }
      if (running) {
        return new Promise<SyncReport>((resolve, reject) => {
          waiting.push({ sourceIds, resolve, reject });
        });
      }
      return ownReport(await begin(sourceIds).done, sourceIds);
    },
    status: () => ({
      running: running && { ...running.state, progress: [...running.state.progress] },
      queuedSourceIds: [...new Set(waiting.flatMap((w) => w.sourceIds))],
      last,
    }),
    cancel() {
      const at = now().toISOString();
      for (const waiter of waiting) waiter.resolve(cancelledReport(at));
      waiting = [];
      if (!running) return;
      running.state.cancelling = true;
      running.controller.abort();
    },
    async settled() {
      while (running) await running.done.catch(() => undefined);
    },
  };
}

/** The part of a sync's report about these sources, with its own verdicts. */
export function ownReport(report: SyncReport, sourceIds: readonly string[]): SyncReport {
  const wanted = new Set(sourceIds);
  const results = report.results.filter((r) => wanted.has(r.sourceId));
  if (results.length === report.results.length) return report;
  return { ...report, results, ...verdicts(results) };
}

function verdicts(results: SourceSyncResult[]): Pick<SyncReport, 'ok' | 'offline'> {
  const failures = results.filter((r) => r.status === 'error');
  const reached = results.filter((r) => !['error', 'skipped', 'cancelled'].includes(r.status));
  return {
    ok: results.every((r) => r.status === 'ok' || r.status === 'not-modified'),
    offline:
      failures.length > 0 &&
      reached.length === 0 &&
      failures.every((r) => isOfflineCode(r.errorCode)),
  };
}

function cancelledReport(at: string): SyncReport {
  return { startedAt: at, finishedAt: at, results: [], ok: false, offline: false, cancelled: true };
}

/** A sync that broke off as a whole (the disk, say): every source says why. */
function failedReport(run: RunParts, error: unknown, at: Date): SyncReport {
  const byId = new Map(run.state.progress.map((p) => [p.sourceId, p]));
  const results: SourceSyncResult[] = run.state.sourceIds.map((sourceId) => ({
    sourceId,
    url: byId.get(sourceId)?.url ?? '',
    kind: byId.get(sourceId)?.kind ?? 'archive',
    status: 'error',
    error: isStudylineError(error) ? error.fullMessage : GENERIC_FAILURE,
    errorCode: isStudylineError(error) ? error.code : 'internal',
    newItems: 0,
    updatedItems: 0,
    pages: 0,
    itemCount: byId.get(sourceId)?.totalItems ?? 0,
  }));
  return {
    startedAt: run.state.startedAt,
    finishedAt: at.toISOString(),
    results,
    ok: false,
    offline: false,
    cancelled: run.controller.signal.aborted,
  };
}
