import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  electron,
  fireEvent,
  ipcMain,
  protocolHandlers,
  resetFakeElectron,
} from './fake-electron';
import { reminderAt } from './fake-reminder-core';
import { anyText } from '../helpers/matchers';
import type { AppSettings, Reminder, RemindersView, SyncReport } from '../../electron/shared/types';
import { startApp } from '../../electron/main/start-app';
import type { AppPaths } from '../../electron/main/paths';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
const opened = vi.hoisted((): { options: unknown[]; core: unknown } => ({
  options: [],
  core: undefined,
}));
vi.mock('../../electron/core/app/open-studyline', () => ({
  openStudyline: async (options: unknown) => {
    opened.options.push(options);
    return opened.core;
  },
}));

const dir = mkdtempSync(join(tmpdir(), 'studyline-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paths: AppPaths = {
  rendererDir: join(dir, 'out', 'renderer'),
  preloadPath: join(dir, 'out', 'preload', 'index.cjs'),
  pageWorkerEntry: join(dir, 'out', 'main', 'page-worker.js'),
  catalogPath: join(dir, 'resources', 'catalog.json'),
  dataDir: dir,
  assetsDir: join(dir, 'assets'),
  windowStateFile: join(dir, 'window-state.json'),
};

const withIcon: AppPaths = { ...paths, iconPath: join(dir, 'icon.png') };

const report: SyncReport = {
  startedAt: '2024-01-01T00:00:00.000Z',
  finishedAt: '2024-01-01T00:00:01.000Z',
  results: [],
  ok: true,
  offline: false,
  cancelled: false,
};

let settings: AppSettings;
let due: Reminder[];

function fakeCore() {
  let finishSync: (() => void) | undefined;
  const order: string[] = [];
  const core = {
    dataDir: dir,
    catalog: () => ({
      schemaVersion: 1,
      courses: [{ homepage: 'https://mechanicalmooc.wordpress.com/' }],
    }),
    sync: vi.fn(
      (_scope: unknown, options: { signal?: AbortSignal }) =>
        new Promise<SyncReport>((resolve) => {
          finishSync = () => resolve(report);
          options.signal?.addEventListener('abort', () =>
            setTimeout(() => {
              order.push('sync stopped');
              resolve({ ...report, cancelled: true });
            }, 5),
          );
        }),
    ),
    close: vi.fn(async () => {
      order.push('library closed');
    }),
    sourceIdsFor: vi.fn(() => ['archive']),
    sources: vi.fn(async () => []),
    courses: vi.fn(async () => []),
    settings: vi.fn(() => settings),
    updateSettings: vi.fn(async (patch: Record<string, unknown>) => {
      if (typeof patch.remindersEnabled === 'boolean')
        settings.reminders = { ...settings.reminders, enabled: patch.remindersEnabled };
      settings = { ...settings, ...patch };
      return settings;
    }),
    reminders: vi.fn(async (): Promise<RemindersView> => ({
      showNow: due.splice(0),
      upcoming: [],
      dueCount: 2,
    })),
    markRemindersShown: vi.fn(async () => undefined),
    exportIcs: vi.fn(async () => ({ fileName: 'python.ics', text: 'BEGIN:VCALENDAR' })),
    shareStatus: vi.fn(() => ({ on: true })),
    shareSync: vi.fn(async () => ({ on: true })),
  };
  opened.core = core;
  return { core, order, finishSync: () => finishSync?.() };
}

beforeEach(() => {
  resetFakeElectron();
  opened.options = [];
  due = [];
  settings = {
    syncEveryHours: 4,
    theme: 'system',
    closeToTray: true,
    startAtLogin: false,
    readingFontSize: 17,
    readingWidth: 'medium',
    reminders: { enabled: true, offCourseIds: [] },
  };
});

describe('startApp', () => {
  it('opens the library as the app, with the resolved catalog and asset URLs', async () => {
    fakeCore();
    const running = await startApp(paths);
    const options = opened.options[0] as {
      dataDir: string;
      owner: string;
      catalogPath: string;
      assetUrl: (f: string) => string;
    };
    expect(options).toMatchObject({
      dataDir: dir,
      owner: 'app',
      catalogPath: paths.catalogPath,
      pageWorkerEntry: paths.pageWorkerEntry,
    });
    expect(options.assetUrl('ab/x y.png')).toBe('studyline-asset://cache/ab/x%20y.png');
    expect([...protocolHandlers.keys()]).toEqual(['studyline', 'studyline-asset']);
    await running.shutdown();
  });

  it('opens one window, answers its requests and syncs right away', async () => {
    const { core, finishSync } = fakeCore();
    const running = await startApp(paths);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const event = { sender: contents, senderFrame: { url: 'studyline://app/index.html' } };
    expect(await ipcMain.invoke('courses:list', event)).toEqual({ ok: true, value: [] });
    expect(core.sync).toHaveBeenCalledTimes(1);
    finishSync();
    await vi.waitFor(() =>
      expect(contents.send).toHaveBeenCalledWith('sync:finish', {
        syncId: anyText(),
        report,
        changed: { courseIds: [], sourceIds: [] },
      }),
    );
    // The end of a sync is told once: no second event repeats it.
    const finishes = contents.send.mock.calls.filter(([name]) => name !== 'sync:begin');
    expect(finishes).toHaveLength(1);
    await running.shutdown();
  });

  it('tells the window when the core restores a file after it loaded', async () => {
    fakeCore();
    const running = await startApp(paths);
    const { onNotice } = opened.options[0] as { onNotice: (message: string) => void };
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    onNotice('The file holding the feed "r/learnpython" was damaged; Studyline restored it.');
    expect(contents.send).toHaveBeenCalledWith('library:changed', { courseIds: [], sourceIds: [] });
    await running.shutdown();
  });

  it('looks at the shared folder on its own, and passes what other computers changed to the window', async () => {
    const { core } = fakeCore();
    const running = await startApp(paths);
    const { sharePollMs, onShared } = opened.options[0] as {
      sharePollMs: number;
      onShared: (event: unknown) => void;
    };
    expect(sharePollMs).toBeGreaterThanOrEqual(30_000);
    expect(sharePollMs).toBeLessThanOrEqual(60_000);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const change = { courseId: 'python', emailIds: ['python.e1'], fields: ['done'] };
    onShared({ event: 'progress:changed', payload: change });
    expect(contents.send).toHaveBeenCalledWith('progress:changed', change);
    // Coming back to the window reads the folder again.
    electron.app.emit('browser-window-focus');
    expect(core.shareSync).toHaveBeenCalled();
    await running.shutdown();
  });

  it('pushes events only to our window, and a second launch reuses it', async () => {
    fakeCore();
    const running = await startApp(paths);
    expect(running.showWindow()).toBe(running.window());
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    await running.shutdown();
  });

  it('on quit cancels the running sync and closes the library only after it stopped', async () => {
    const { core, order } = fakeCore();
    const running = await startApp(paths);
    await running.shutdown();
    const signal = (core.sync.mock.calls[0]?.[1] as { signal: AbortSignal }).signal;
    expect(signal.aborted).toBe(true);
    expect(order).toEqual(['sync stopped', 'library closed']);
    expect(ipcMain.channels()).toEqual([]);
  });

  it('installs the menu and listens for the computer waking up', async () => {
    fakeCore();
    const running = await startApp(paths);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    // The sync scheduler catches up, the reminder timer plans again, the shared folder is read.
    expect(electron.powerMonitor.listenerCount('resume')).toBe(3);
    await running.shutdown();
    expect(electron.powerMonitor.listenerCount('resume')).toBe(0);
  });

  it('syncs on its own only when the learner left automatic sync on', async () => {
    settings.syncEveryHours = 0;
    const { core } = fakeCore();
    const running = await startApp(paths);
    expect(core.sync).not.toHaveBeenCalled();
    await running.shutdown();
  });

  it('shows a due reminder as a notification and the count in the tray', async () => {
    const { core } = fakeCore();
    const due0 = reminderAt('py', '2026-03-02', '2026-03-02T09:00:00.000Z');
    due = [due0];
    const running = await startApp(withIcon);
    await vi.waitFor(() => expect(FakeTray.instances[0]?.tooltip).toBe('Studyline: 2 emails due'));
    expect(FakeNotification.instances[0]?.options).toMatchObject({ title: 'Time for py' });
    expect(core.markRemindersShown).toHaveBeenCalledWith([due0.record]);
    await running.shutdown();
    expect(FakeTray.instances[0]?.destroy).toHaveBeenCalled();
  });

  it('started at login, stays in the tray until the learner opens it from there', async () => {
    fakeCore();
    const running = await startApp(withIcon, undefined, { hidden: true });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    FakeTray.instances[0]!.clickItem('Open Studyline');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.show).toHaveBeenCalled();
    await running.shutdown();
  });

  it('started hidden but with no tray icon, shows the window (or the app would be unreachable)', async () => {
    fakeCore();
    const running = await startApp(paths, undefined, { hidden: true });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    await running.shutdown();
  });

  it('closing the window hides it in the tray, or closes it when the learner chose to quit', async () => {
    fakeCore();
    const running = await startApp(withIcon);
    const window = FakeBrowserWindow.instances[0]!;
    expect(fireEvent(window, 'close').defaultPrevented).toBe(true);
    settings.closeToTray = false;
    expect(fireEvent(window, 'close').defaultPrevented).toBe(false);
    await running.shutdown();
  });

  it('pausing reminders from the tray saves the setting and tells the window', async () => {
    const { core } = fakeCore();
    const running = await startApp(withIcon);
    FakeTray.instances[0]!.clickItem('Pause reminders');
    await vi.waitFor(() => expect(FakeTray.instances[0]!.labels()).toContain('Resume reminders'));
    expect(core.updateSettings).toHaveBeenCalledWith({ remindersEnabled: false });
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    expect(contents.send).toHaveBeenCalledWith('settings:changed', { fields: ['reminders'] });
    await running.shutdown();
  });

  it('a reminder clicked before the window is ready opens its email once the window says so', async () => {
    fakeCore();
    due = [reminderAt('py', '2026-03-02', '2026-03-02T09:00:00.000Z')];
    const running = await startApp(withIcon, undefined, { hidden: true });
    await vi.waitFor(() => expect(FakeNotification.instances).toHaveLength(1));
    // The click opens the window; its page is still loading and does not listen yet.
    FakeNotification.instances[0]!.emit('click', {});
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const opened = () => contents.send.mock.calls.filter(([name]) => name === 'app:openEmail');
    expect(opened()).toEqual([]);
    const fromPage = { sender: contents, senderFrame: { url: 'studyline://app/index.html' } };
    expect(await ipcMain.invoke('app:ready', fromPage)).toEqual({ ok: true, value: undefined });
    expect(opened()).toEqual([['app:openEmail', { courseId: 'py', emailId: 'py-email-3' }]]);
    // Delivered once: a reload's own "ready" does not open it again.
    contents.emit('did-start-loading');
    await ipcMain.invoke('app:ready', fromPage);
    expect(opened()).toHaveLength(1);
    await running.shutdown();
  });

  it('a reminder clicked while the window is ready opens its email at once', async () => {
    fakeCore();
    const running = await startApp(withIcon);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const fromPage = { sender: contents, senderFrame: { url: 'studyline://app/index.html' } };
    await ipcMain.invoke('app:ready', fromPage);
    due = [reminderAt('py', '2026-03-02', '2026-03-02T09:00:00.000Z')];
    electron.powerMonitor.emit('resume');
    await vi.waitFor(() => expect(FakeNotification.instances).toHaveLength(1));
    FakeNotification.instances[0]!.emit('click', {});
    expect(contents.send).toHaveBeenCalledWith('app:openEmail', {
      courseId: 'py',
      emailId: 'py-email-3',
    });
    await running.shutdown();
  });

  it('turning on "start at login" registers the app, from the settings request', async () => {
    fakeCore();
    electron.app.isPackaged = true;
    electron.app.getPath.mockImplementation((name: string) => join(dir, name));
    try {
      const running = await startApp(paths);
      const contents = FakeBrowserWindow.instances[0]!.webContents;
      const event = { sender: contents, senderFrame: { url: 'studyline://app/index.html' } };
      await ipcMain.invoke('settings:set', event, { startAtLogin: true });
      const entry = readFileSync(join(dir, 'appData', 'autostart', 'studyline.desktop'), 'utf8');
      expect(entry).toContain('--hidden');
      await running.shutdown();
    } finally {
      electron.app.isPackaged = false;
      electron.app.getPath.mockImplementation((name: string) => `/home/learner/${name}`);
    }
  });

  it('exporting a calendar the learner then cancels saves nothing and says so', async () => {
    fakeCore();
    const running = await startApp(paths);
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const event = { sender: contents, senderFrame: { url: 'studyline://app/index.html' } };
    expect(await ipcMain.invoke('plan:exportIcs', event, 'py')).toEqual({
      ok: true,
      value: { path: undefined },
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalled();
    await running.shutdown();
  });
});
