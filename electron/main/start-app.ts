import type { BrowserWindow } from 'electron';
import { app, powerMonitor } from 'electron';
import { openStudyline } from '../core/app/open-studyline';
import { createRequestHandlers } from '../core/app/request-handlers';
import type { Emit, RequestHandlers } from '../core/app/request-handlers';
import type { StudylineCore } from '../core/app/core-api';
import { DEFAULT_SETTINGS } from '../core/library/model';
import { assetUrl, createAppUrlCheck, loopbackOrigin } from './app-url';
import { handleProtocols } from './asset-protocol';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import type { AppPaths } from './paths';
import { createSyncScheduler } from './scheduler';
import { installSecurity, openExternalSafely } from './security';
import { createMainWindow } from './window';

export interface RunningApp {
  window(): BrowserWindow | undefined;
  /** Ensures a window exists (macOS dock click) and returns it. */
  showWindow(): BrowserWindow;
  shutdown(): Promise<void>;
}

/** Remembers running syncs so quitting can wait for them before closing the library. */
function trackSyncs(handlers: RequestHandlers): RequestHandlers & { settled(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  return {
    ...handlers,
    'sync:start': (scope) => {
      const promise = handlers['sync:start'](scope);
      running.add(promise);
      void promise.catch(() => undefined).finally(() => running.delete(promise));
      return promise;
    },
    settled: async () => {
      await Promise.allSettled([...running]);
    },
  };
}

function log(message: string, error?: unknown): void {
  if (error === undefined) console.warn(`[studyline] ${message}`);
  else console.error(`[studyline] ${message}`, error);
}

/** Opens the library, then wires window, IPC, menu and automatic sync around it. */
export async function startApp(paths: AppPaths, devServerUrl?: string): Promise<RunningApp> {
  const isAppUrl = createAppUrlCheck(devServerUrl);
  installSecurity(isAppUrl, devServerUrl ? loopbackOrigin(devServerUrl) : undefined);
  handleProtocols(paths.rendererDir, paths.assetsDir);

  const core: StudylineCore = await openStudyline({
    dataDir: paths.dataDir,
    owner: 'app',
    catalogPath: paths.catalogPath,
    assetUrl,
  });

  let window: BrowserWindow | undefined;
  const emit: Emit = (event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  };
  const handlers = trackSyncs(
    createRequestHandlers(core, { emit, openExternal: openExternalSafely }),
  );
  const unregister = registerIpc({
    handlers,
    isAppUrl,
    appContents: () => window?.webContents,
    log,
  });

  const showWindow = () => {
    if (window && !window.isDestroyed()) return window;
    window = createMainWindow({
      preloadPath: paths.preloadPath,
      iconPath: process.platform === 'linux' ? paths.iconPath : undefined,
      stateFile: paths.windowStateFile,
      devServerUrl,
    });
    return window;
  };
  showWindow();

  // TODO(settings): read the learner's syncEveryHours once the core exposes settings.
  const scheduler = createSyncScheduler({
    sync: () => handlers['sync:start']({}),
    everyHours: () => DEFAULT_SETTINGS.syncEveryHours,
    log,
  });
  installMenu({
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    onSyncNow: () => void scheduler.syncNow(),
    openExternal: (url) =>
      void openExternalSafely(url).catch((error: unknown) => log('link refused', error)),
    courseHomepage: core.catalog().courses[0]?.homepage,
  });
  const onResume = () => scheduler.onResume();
  powerMonitor.on('resume', onResume);
  scheduler.start();

  return {
    window: () => window,
    showWindow,
    shutdown: async () => {
      scheduler.stop();
      powerMonitor.off('resume', onResume);
      unregister();
      await handlers['sync:cancel']();
      // The cancelled sync may still be writing: close the library only once it has stopped.
      await handlers.settled();
      await core.close();
    },
  };
}
