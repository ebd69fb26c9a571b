import { app, powerMonitor } from 'electron';
import type { StudylineCore } from '../core/app/core-api';
import type { SyncRunner } from '../core/app/sync-runner';
import { installMenu } from './menu';
import { createSyncScheduler } from './scheduler';
import type { SchedulerSyncs } from './scheduler';
import { openExternalSafely } from './security';

type Log = (message: string, error?: unknown) => void;

/** The scheduler's view of the one sync runner: a whole-library sync, or the one running. */
function schedulerSyncs(syncs: SyncRunner): SchedulerSyncs {
  return {
    syncAll: () => (syncs.status().running ? syncs.settled() : syncs.start({})),
    isSyncing: () => syncs.status().running !== undefined,
    lastSyncEndedAt: () => {
      const at = syncs.status().last?.report.finishedAt;
      return at === undefined ? undefined : Date.parse(at);
    },
  };
}

/** Automatic sync every N hours (the learner's setting), the menu, and catching up after sleep. */
export function startSyncing(core: StudylineCore, syncs: SyncRunner, log: Log) {
  const scheduler = createSyncScheduler({
    syncs: schedulerSyncs(syncs),
    everyHours: () => core.settings().syncEveryHours,
    log,
  });
  const syncNow = () => void scheduler.syncNow();
  installMenu({
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    onSyncNow: syncNow,
    openExternal: (url) =>
      void openExternalSafely(url).catch((error: unknown) => log('link refused', error)),
    courseHomepage: core.catalog().courses[0]?.homepage,
  });
  const onResume = () => scheduler.onResume();
  powerMonitor.on('resume', onResume);
  scheduler.start();
  let hours = core.settings().syncEveryHours;
  return {
    syncNow,
    synced: () => scheduler.synced(),
    /** Settings may have changed: a new interval applies at once. */
    settingsChanged() {
      if (core.settings().syncEveryHours === hours) return;
      hours = core.settings().syncEveryHours;
      scheduler.reschedule();
    },
    stop() {
      scheduler.stop();
      powerMonitor.off('resume', onResume);
    },
  };
}
