import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  electron,
  ipcMain,
  protocolHandlers,
  resetFakeElectron,
} from './fake-electron';
import type { StudylineCore } from '../../electron/core/app/core-api';
import type { SyncReport } from '../../electron/shared/types';
import { startApp } from '../../electron/main/start-app';
import type { AppPaths } from '../../electron/main/paths';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
const opened = vi.hoisted(() => ({ options: [] as unknown[], core: undefined as unknown }));
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
  catalogPath: join(dir, 'resources', 'catalog.json'),
  dataDir: dir,
  assetsDir: join(dir, 'assets'),
  windowStateFile: join(dir, 'window-state.json'),
};

const report: SyncReport = {
  startedAt: '2024-01-01T00:00:00.000Z',
  finishedAt: '2024-01-01T00:00:01.000Z',
  results: [],
  ok: true,
  offline: false,
  cancelled: false,
};

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
    courses: vi.fn(async () => []),
  };
  opened.core = core as unknown as StudylineCore;
  return { core, order, finishSync: () => finishSync?.() };
}

beforeEach(() => {
  resetFakeElectron();
  opened.options = [];
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
    expect(options).toMatchObject({ dataDir: dir, owner: 'app', catalogPath: paths.catalogPath });
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
    await vi.waitFor(() => expect(contents.send).toHaveBeenCalledWith('sync:finished', report));
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
    expect(electron.powerMonitor.listenerCount('resume')).toBe(1);
    await running.shutdown();
    expect(electron.powerMonitor.listenerCount('resume')).toBe(0);
  });
});
