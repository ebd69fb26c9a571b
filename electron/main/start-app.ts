import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, powerMonitor } from 'electron';
import { openStudyline } from '../core/app/open-studyline';
import { createRequestHandlers } from '../core/app/request-handlers';
import type { Emit } from '../core/app/request-handlers';
import type { StudylineCore } from '../core/app/core-api';
import { trackSyncs } from './app-handlers';
import type { TrackedHandlers } from './app-handlers';
import { assetUrl, createAppUrlCheck, loopbackOrigin } from './app-url';
import { handleProtocols } from './asset-protocol';
import { startBackground } from './background';
import type { Background } from './background';
import { createFileDialogs } from './file-dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import type { AppPaths } from './paths';
import { createSyncScheduler } from './scheduler';
import { installSecurity, openExternalSafely } from './security';
import { createWindowKeeper } from './window';
import type { WindowKeeper } from './window';

export interface RunningApp {
  window(): BrowserWindow | undefined;
  /** Ensures a window exists (dock click, tray, notification) and returns it; the caller focuses it. */
  showWindow(): BrowserWindow;
  shutdown(): Promise<void>;
}

export interface LaunchOptions {
  /** Started at login: stay in the tray without showing the window (when there is a tray). */
  hidden?: boolean;
}

function log(message: string, error?: unknown): void {
  if (error === undefined) console.warn(`[studyline] ${message}`);
  else console.error(`[studyline] ${message}`, error);
}

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

async function openCore(paths: AppPaths): Promise<StudylineCore> {
  return openStudyline({
    dataDir: paths.dataDir,
    owner: 'app',
    catalogPath: paths.catalogPath,
    pageWorkerEntry: paths.pageWorkerEntry,
    assetUrl,
  });
}

/** IPC: the contract's handlers over the core, with dialogs for export and import. */
function wireRequests(
  core: StudylineCore,
  windows: WindowKeeper,
  isAppUrl: (url: string) => boolean,
  changed: () => void,
) {
  const emit: Emit = (event, payload) => windows.current()?.webContents.send(event, payload);
  const dialogs = createFileDialogs({ parent: windows.current, defaultDir: documentsFolder() });
  const deps = {
    emit,
    openExternal: openExternalSafely,
    saveFile: dialogs.saveFile,
    openTextFile: dialogs.openTextFile,
    onProgressChanged: changed,
  };
  const handlers = trackSyncs(createRequestHandlers(core, deps), changed);
  const unregister = registerIpc({
    handlers,
    isAppUrl,
    appContents: () => windows.current()?.webContents,
    log,
  });
  return { emit, handlers, unregister };
}

/** Automatic sync every N hours (the learner's setting), the menu, and catching up after sleep. */
function startSyncing(core: StudylineCore, handlers: TrackedHandlers) {
  const scheduler = createSyncScheduler({
    sync: () => handlers['sync:start']({}),
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

function openBackground(
  core: StudylineCore,
  paths: AppPaths,
  windows: WindowKeeper,
  emit: Emit,
  syncNow: () => void,
): Background {
  return startBackground({
    core,
    emit,
    platform: process.platform,
    iconPath: paths.iconPath,
    showWindow: windows.show,
    syncNow,
    quit: () => app.quit(),
    loginItem: {
      isPackaged: app.isPackaged,
      // An AppImage runs from a temporary mount: the login item must start the file itself.
      executable: process.env.APPIMAGE ?? process.execPath,
      autostartDir: join(app.getPath('appData'), 'autostart'),
    },
    log,
  });
}

/** Opens the library, then wires window, IPC, menu, automatic sync, reminders and tray around it. */
export async function startApp(
  paths: AppPaths,
  devServerUrl?: string,
  launch: LaunchOptions = {},
): Promise<RunningApp> {
  const isAppUrl = createAppUrlCheck(devServerUrl);
  installSecurity(isAppUrl, devServerUrl ? loopbackOrigin(devServerUrl) : undefined);
  handleProtocols(paths.rendererDir, paths.assetsDir);
  const core = await openCore(paths);

  let stopped = false;
  // The callbacks below run only once everything is wired (a request, a closed window).
  const windows = createWindowKeeper({
    preloadPath: paths.preloadPath,
    iconPath: process.platform === 'linux' ? paths.iconPath : undefined,
    stateFile: paths.windowStateFile,
    devServerUrl,
    hideOnClose: () => hideOnClose(),
  });
  const changed = () => {
    if (stopped) return;
    background.changed();
    syncing.settingsChanged();
  };
  const { emit, handlers, unregister } = wireRequests(core, windows, isAppUrl, changed);
  const syncing = startSyncing(core, handlers);
  const background = openBackground(core, paths, windows, emit, syncing.syncNow);
  const hideOnClose = () => background.hasTray() && core.settings().closeToTray;
  if (!launch.hidden || !background.hasTray()) windows.show();

  return {
    window: windows.current,
    showWindow: windows.show,
    shutdown: async () => {
      stopped = true;
      syncing.stop();
      background.stop();
      windows.dispose();
      unregister();
      await handlers['sync:cancel']();
      // The cancelled sync may still be writing: close the library only once it has stopped.
      await handlers.settled();
      await core.close();
    },
  };
}
