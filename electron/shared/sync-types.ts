/**
 * Syncing as the window, the tray and the scheduler see it. The core owns the
 * one sync state (electron/core/app/sync-runner.ts): it numbers every sync,
 * tells its begin, progress and finish as events, and answers `sync:status`.
 */

/** An email course's archive, or a study group's feed. */
export type SourceKind = 'archive' | 'group';

export type SyncPhase = 'start' | 'page' | 'not-modified' | 'done' | 'error' | 'skipped';

export interface SyncProgress {
  sourceId: string;
  url: string;
  /** The feed's name as the learner knows it (course or group), when known. */
  title?: string;
  kind: SourceKind;
  phase: SyncPhase;
  page?: number;
  /** Items first seen in this sync so far. */
  newItems: number;
  totalItems: number;
  message?: string;
}

export type SourceSyncStatus = 'ok' | 'not-modified' | 'error' | 'cancelled' | 'skipped';

export interface SourceSyncResult {
  sourceId: string;
  url: string;
  kind: SourceKind;
  status: SourceSyncStatus;
  error?: string;
  /** Machine-readable kind of failure (StudylineError code). */
  errorCode?: string;
  newItems: number;
  updatedItems: number;
  pages: number;
  itemCount: number;
  /** Synced, but the feed is over a limit (items, size, pages): what was left out, in words. */
  warning?: string;
}

export interface SyncReport {
  startedAt: string;
  finishedAt: string;
  results: SourceSyncResult[];
  /** Every source ok or not modified. */
  ok: boolean;
  /** No source could be reached at all (learner is probably offline). */
  offline: boolean;
  cancelled: boolean;
}

/** The courses and sources whose emails or posts changed. */
export interface LibraryChange {
  courseIds: string[];
  sourceIds: string[];
}

export interface SyncBegin {
  syncId: string;
  /** Every source this sync fetches. */
  sourceIds: string[];
  startedAt: string;
}

export interface RunningSync extends SyncBegin {
  /** Latest progress of each source so far, in arrival order. */
  progress: SyncProgress[];
  /** The learner asked to stop; sources already running end their page first. */
  cancelling: boolean;
}

export interface SyncFinish {
  syncId: string;
  report: SyncReport;
  /** What the sync changed in the library: the window re-reads exactly that. */
  changed: LibraryChange;
}

/** The one answer to "is a sync running, and how did the last one go?". */
export interface SyncStatus {
  running?: RunningSync;
  /** Sources asked for while a sync ran that it does not cover: they sync right after it. */
  queuedSourceIds: string[];
  last?: SyncFinish;
}
