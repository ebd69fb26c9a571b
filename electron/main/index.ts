import { app, dialog } from 'electron';
import { describeError } from '../core/errors';
import { loopbackOrigin } from './app-url';
import { registerSchemes } from './asset-protocol';
import { resolveAppPaths } from './paths';
import { HIDDEN_FLAG, isHiddenLaunch } from './login-item';
import { startApp } from './start-app';
import type { RunningApp } from './start-app';
import { focusWindow } from './window';

// The smoke test (and a learner keeping two libraries) points the app at another folder.
const userDataOverride = app.commandLine.getSwitchValue('user-data-dir');
if (userDataOverride) app.setPath('userData', userDataOverride);

// Only `electron-vite dev` sets this, and only a loopback dev server is ever trusted.
const devServerUrl =
  !app.isPackaged &&
  process.env.ELECTRON_RENDERER_URL &&
  loopbackOrigin(process.env.ELECTRON_RENDERER_URL)
    ? process.env.ELECTRON_RENDERER_URL
    : undefined;

let running: RunningApp | undefined;
let quitting = false;

function fail(error: unknown): void {
  console.error('[studyline] could not start', error);
  dialog.showErrorBox('Studyline could not start', describeError(error));
  app.exit(1);
}

async function onReady(): Promise<void> {
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    mainDir: import.meta.dirname,
    userData: app.getPath('userData'),
  });
  app.setAboutPanelOptions({ applicationName: 'Studyline', applicationVersion: app.getVersion() });
  running = await startApp(paths, devServerUrl, {
    hidden: isHiddenLaunch(process.argv, process.platform),
  });
}

/** Closes the library (flush + release the data-folder lock) before the process ends. */
function onWillQuit(event: Electron.Event): void {
  if (quitting || !running) return;
  event.preventDefault();
  quitting = true;
  running
    .shutdown()
    .catch((error: unknown) =>
      console.error('[studyline] could not close the library cleanly', error),
    )
    .finally(() => app.quit());
}

registerSchemes();
// Windows shows a notification only for an app whose id matches its Start menu shortcut (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId('org.studyline.app');
// A second copy would fight over the data folder: it hands over to the first and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    // The login item starting a copy while one already runs must not pop the window up.
    if (!argv.includes(HIDDEN_FLAG)) focusWindow(running?.showWindow());
  });
  // Dock click, also when the window is hidden in the menu bar.
  app.on('activate', () => focusWindow(running?.showWindow()));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', onWillQuit);
  app.whenReady().then(onReady).catch(fail);
}
