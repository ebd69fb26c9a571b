import { BrowserWindow, screen } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { createCloseBehaviour } from './close-to-tray';
import {
  MIN_WINDOW_SIZE,
  clampWindowState,
  readWindowState,
  trackWindowState,
} from './window-state';
import type { WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** Linux shows this in the task bar; Windows and macOS take the packaged icon. */
  iconPath?: string;
  state: WindowState;
}

/** Every renderer safety switch, spelled out even where it is Electron's default. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const { state } = options;
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Studyline',
    show: false,
    backgroundColor: '#f7f5f0',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

export interface CreateWindowOptions {
  preloadPath: string;
  iconPath?: string;
  stateFile: string;
  /** The Vite dev server in development; otherwise our own scheme. */
  devServerUrl?: string;
}

export function createMainWindow(options: CreateWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = clampWindowState(readWindowState(options.stateFile), workAreas);
  const window = new BrowserWindow(mainWindowOptions({ ...options, state }));
  if (state.maximized) window.maximize();
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[studyline] the window could not load its page', error);
  });
  return window;
}

/** A second launch brings the running window forward instead of opening another library. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export interface WindowKeeper {
  /** The window, unless there is none (closed, or never opened in the tray). */
  current: () => BrowserWindow | undefined;
  /** The window, created when needed; the caller focuses it. */
  show: () => BrowserWindow;
  dispose: () => void;
}

/** One main window at a time, created on demand; closing may only hide it (see close-to-tray). */
export function createWindowKeeper(
  options: CreateWindowOptions & { hideOnClose: () => boolean },
): WindowKeeper {
  let window: BrowserWindow | undefined;
  const closing = createCloseBehaviour({ hideOnClose: options.hideOnClose });
  const current = () => (window && !window.isDestroyed() ? window : undefined);
  return {
    current,
    show() {
      const existing = current();
      if (existing) return existing;
      window = createMainWindow(options);
      closing.attach(window);
      return window;
    },
    dispose: () => closing.dispose(),
  };
}
