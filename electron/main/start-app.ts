import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, clipboard, shell } from 'electron';
import { openStudyline } from '../core/app/open-studyline';
import { createRequestHandlers } from '../core/app/request-handlers';
import type { Emit, RequestHandlers } from '../core/app/request-handlers';
import type { StudylineCore } from '../core/app/core-api';
import { emitEvent, type CoreEvent } from '../core/app/share-events';
import { createSyncRunner } from '../core/app/sync-runner';
import type { EventChannel } from '../shared/contract';
import { assetUrl, createAppUrlCheck, loopbackOrigin } from './app-url';
import { handleProtocols } from './asset-protocol';
import { startBackground } from './background';
import type { Background } from './background';
import { createDeliveries } from './deliveries';
import type { Deliveries } from './deliveries';
import { createFileDialogs } from './file-dialogs';
import { registerIpc } from './ipc';
import { SHARE_POLL_MS, watchSharedFolder } from './share-watch';
import type { AppPaths } from './paths';
import { startSyncing } from './syncing';
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

/** Events after which reminders are planned again and the tray badge recounted. */
const REACTS_TO: ReadonlySet<EventChannel> = new Set<EventChannel>([
  'sync:finish',
  'library:changed',
  'progress:changed',
  'plan:changed',
  'settings:changed',
]);

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

async function openCore(
  paths: AppPaths,
  onNotice: () => void,
  onShared: (event: CoreEvent) => void,
): Promise<StudylineCore> {
  return openStudyline({
    dataDir: paths.dataDir,
    owner: 'app',
    onNotice,
    sharePollMs: SHARE_POLL_MS,
    onShared,
    catalogPath: paths.catalogPath,
    pageWorkerEntry: paths.pageWorkerEntry,
    assetUrl,
  });
}

type EventReaction = (event: EventChannel) => void;

/**
 * IPC: the contract's handlers over the core, the one sync runner, and the
 * ready handshake. Every event goes to the window and to `react` (reminders,
 * tray, scheduler): main learns of changes exactly as the window does.
 */
function wireRequests(
  core: StudylineCore,
  windows: WindowKeeper,
  isAppUrl: (url: string) => boolean,
  react: EventReaction,
) {
  const emit: Emit = (event, payload) => {
    const contents = windows.current()?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
    react(event);
  };
  const syncs = createSyncRunner({ core, emit });
  const deliveries = createDeliveries(() => windows.current()?.webContents);
  const dialogs = createFileDialogs({
    parent: windows.current,
    defaultDir: documentsFolder(),
    homeDir: app.getPath('home'),
  });
  const handlers: RequestHandlers = {
    ...createRequestHandlers(core, {
      emit,
      syncs,
      openExternal: openExternalSafely,
      saveFile: dialogs.saveFile,
      openTextFile: dialogs.openTextFile,
      showInFolder: (path) => shell.showItemInFolder(path),
      writeClipboard: (text) => clipboard.writeText(text),
      chooseFolder: dialogs.chooseFolder,
    }),
    'app:ready': async () => deliveries.ready(),
  };
  const unregister = registerIpc({
    handlers,
    isAppUrl,
    appContents: () => windows.current()?.webContents,
    log,
  });
  return { emit, syncs, deliveries, unregister };
}

function openBackground(
  core: StudylineCore,
  paths: AppPaths,
  windows: WindowKeeper,
  wired: { emit: Emit; deliveries: Deliveries },
  syncNow: () => void,
): Background {
  return startBackground({
    core,
    emit: wired.emit,
    openEmail: (payload) => wired.deliveries.deliver('app:openEmail', payload),
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
  // A file restored after the window loaded (read late) is told at once: the window re-reads its notices.
  let noticeRaised = () => {};
  // Changes from other computers found before the window is wired have nothing to refresh yet.
  let sharedNews: (event: CoreEvent) => void = () => {};
  const core = await openCore(
    paths,
    () => noticeRaised(),
    (event) => sharedNews(event),
  );

  let stopped = false;
  // The callbacks below run only once everything is wired (a request, a closed window).
  const windows = createWindowKeeper({
    preloadPath: paths.preloadPath,
    iconPath: process.platform === 'linux' ? paths.iconPath : undefined,
    stateFile: paths.windowStateFile,
    devServerUrl,
    hideOnClose: () => hideOnClose(),
  });
  // Progress, plans, settings and new emails move reminders, the tray badge and the sync interval.
  const react: EventReaction = (event) => {
    if (stopped || !REACTS_TO.has(event)) return;
    background.changed();
    if (event === 'settings:changed') syncing.settingsChanged();
    if (event === 'sync:finish') syncing.synced();
  };
  const wired = wireRequests(core, windows, isAppUrl, react);
  noticeRaised = () => wired.emit('library:changed', { courseIds: [], sourceIds: [] });
  sharedNews = (event) => emitEvent(wired.emit, event);
  const unwatchShared = watchSharedFolder(core, log);
  const syncing = startSyncing(core, wired.syncs, log);
  const background = openBackground(core, paths, windows, wired, syncing.syncNow);
  const hideOnClose = () => background.hasTray() && core.settings().closeToTray;
  if (!launch.hidden || !background.hasTray()) windows.show();

  return {
    window: windows.current,
    showWindow: windows.show,
    shutdown: async () => {
      stopped = true;
      syncing.stop();
      unwatchShared();
      background.stop();
      windows.dispose();
      wired.unregister();
      wired.syncs.cancel();
      // The cancelled sync may still be writing: close the library only once it has stopped.
      await wired.syncs.settled();
      await core.close();
    },
  };
}
