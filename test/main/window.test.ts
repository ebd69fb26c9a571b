import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fireEvent, resetFakeElectron } from './fake-electron';
import { createAppUrlCheck } from '../../electron/main/app-url';
import { installSecurity } from '../../electron/main/security';
import { createMainWindow, focusWindow, mainWindowOptions } from '../../electron/main/window';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const dir = mkdtempSync(join(tmpdir(), 'studyline-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    state: { width: 1000, height: 700, maximized: false },
  });

  it('turns on every renderer isolation switch', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('never sets the switches that weaken isolation', () => {
    const prefs = options.webPreferences as Record<string, unknown>;
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(prefs[risky]).toBeUndefined();
    }
  });

  it('stays hidden until the page is painted, and lets the system place a new window', () => {
    expect(options.show).toBe(false);
    expect(options.x).toBeUndefined();
    expect(options).toMatchObject({ width: 1000, height: 700 });
  });
});

describe('createMainWindow', () => {
  it('loads our page from the app scheme, never from file://', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', stateFile: join(dir, 'none.json') });
    expect(window.loadURL).toHaveBeenCalledWith('studyline://app/index.html');
  });

  it('loads the dev server in development', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      stateFile: join(dir, 'none.json'),
      devServerUrl: 'http://localhost:5173/',
    });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('comes back where the learner left it, maximized if it was', () => {
    const stateFile = join(dir, 'saved.json');
    writeFileSync(
      stateFile,
      JSON.stringify({ x: 40, y: 30, width: 1200, height: 800, maximized: true }),
    );
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      stateFile,
    }) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1200, height: 800 });
    expect(window.maximize).toHaveBeenCalled();
  });

  it('shows itself once ready', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', stateFile: join(dir, 'none.json') });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('is guarded once security is installed: no new windows, no navigation away', () => {
    installSecurity(createAppUrlCheck());
    const window = createMainWindow({ preloadPath: '/p.cjs', stateFile: join(dir, 'none.json') });
    const contents = (window as unknown as FakeBrowserWindow).webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    expect(fireEvent(contents, 'will-navigate', 'https://example.org').defaultPrevented).toBe(true);
  });
});

describe('focusWindow', () => {
  it('restores a minimized window and brings it forward (second launch)', () => {
    const window = new FakeBrowserWindow({});
    window.isMinimized.mockReturnValue(true);
    focusWindow(window as unknown as BrowserWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
