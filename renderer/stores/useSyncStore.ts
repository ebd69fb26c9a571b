import { create } from 'zustand';
import type { SyncScope } from '../../electron/shared/contract';
import type { SyncProgress, SyncReport } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import { reloadLibrary } from './reload-library';

interface SyncState {
  running: boolean;
  cancelling: boolean;
  /** Latest progress of each source in the running sync, in arrival order. */
  progress: SyncProgress[];
  lastReport?: SyncReport;
  /** The sync could not even start (e.g. the library is locked). */
  error?: string;
  actions: {
    start: (scope?: SyncScope) => Promise<SyncReport | undefined>;
    retrySource: (sourceId: string) => Promise<SyncReport | undefined>;
    cancel: () => Promise<void>;
    /** Listens to main's sync events; returns the unsubscribe. */
    connect: () => () => void;
  };
}

function upsert(list: SyncProgress[], next: SyncProgress): SyncProgress[] {
  const index = list.findIndex((p) => p.sourceId === next.sourceId);
  if (index < 0) return [...list, next];
  return list.map((p, i) => (i === index ? next : p));
}

export const useSyncStore = create<SyncState>()((set, get) => {
  const finish = (report: SyncReport) => {
    // The report arrives twice (the reply and the 'sync:finished' event): keep one.
    if (get().lastReport?.startedAt === report.startedAt && !get().running) return;
    set({ running: false, cancelling: false, lastReport: report, error: undefined });
    void reloadLibrary();
  };

  return {
    running: false,
    cancelling: false,
    progress: [],
    actions: {
      async start(scope = {}) {
        if (get().running) return undefined;
        set({ running: true, cancelling: false, progress: [], error: undefined });
        try {
          const report = await studyline()['sync:start'](scope);
          finish(report);
          return report;
        } catch (error) {
          set({ running: false, cancelling: false, error: errorText(error) });
          void reloadLibrary();
          return undefined;
        }
      },
      retrySource(sourceId) {
        return get().actions.start({ sourceIds: [sourceId] });
      },
      async cancel() {
        set({ cancelling: true });
        try {
          await studyline()['sync:cancel']();
        } catch (error) {
          set({ cancelling: false, error: errorText(error) });
        }
      },
      connect() {
        const api = studyline();
        const offs = [
          api.on('sync:progress', ({ progress }) =>
            set((state) => ({ running: true, progress: upsert(state.progress, progress) })),
          ),
          api.on('sync:finish', ({ report }) => finish(report)),
        ];
        return () => offs.forEach((off) => off());
      },
    },
  };
});

export const useSyncActions = () => useSyncStore((state) => state.actions);
