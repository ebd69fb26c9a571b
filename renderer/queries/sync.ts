import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncScope } from '../../electron/shared/contract';
import type { SyncProgress, SyncReport, SyncStatus } from '../../electron/shared/types';
import { isCancelled } from '../lib/error-text';
import { progressOfReport } from '../lib/sync-text';
import { studyline } from '../lib/studyline-api';
import { keys, mutationKeys } from './keys';

/** The core's one sync state, kept current by its events (events.ts). */
export function useSyncStatus() {
  return useQuery({ queryKey: keys.sync(), queryFn: () => studyline()['sync:status']() });
}

export interface SyncView {
  running: boolean;
  cancelling: boolean;
  /** Each source of the running sync; after it, each source of the last one. */
  progress: SyncProgress[];
  lastReport?: SyncReport;
  /** The last sync the learner asked for could not even start (its error). */
  startError?: unknown;
}

const NOTHING: SyncProgress[] = [];

/** The sync as every screen shows it, read from the core's state, never guessed. */
export function useSyncView(): SyncView {
  const status: SyncStatus | undefined = useSyncStatus().data;
  const starts = useMutationState({
    filters: { mutationKey: mutationKeys.syncStart() },
    select: (mutation) => ({ status: mutation.state.status, error: mutation.state.error }),
  });
  const lastStart = starts.at(-1);
  const running = status?.running;
  const lastReport = status?.last?.report;
  return {
    running: running !== undefined,
    cancelling: running?.cancelling ?? false,
    progress: running?.progress ?? (lastReport ? progressOfReport(lastReport) : NOTHING),
    lastReport,
    startError:
      lastStart?.status === 'error' && !isCancelled(lastStart.error) ? lastStart.error : undefined,
  };
}

/** Asks for a sync: the core runs it, joins it to the one running, or runs it right after. */
export function useStartSync() {
  return useMutation({
    mutationKey: mutationKeys.syncStart(),
    mutationFn: (scope: SyncScope = {}) => studyline()['sync:start'](scope),
  });
}

export function useCancelSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => studyline()['sync:cancel'](),
    onSuccess: () =>
      queryClient.setQueryData<SyncStatus>(keys.sync(), (status) =>
        status?.running ? { ...status, running: { ...status.running, cancelling: true } } : status,
      ),
  });
}
