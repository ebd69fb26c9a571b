import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  clampWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
} from '../../electron/main/window-state';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };
const dir = mkdtempSync(join(tmpdir(), 'studyline-window-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

describe('clampWindowState', () => {
  it('keeps a window that fits where it was', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(clampWindowState(saved, [laptop])).toEqual(saved);
  });

  it('opens at the default size, centred, when nothing was saved or the file is junk', () => {
    for (const saved of [undefined, null, 'junk', { width: 'wide', x: Number.NaN }]) {
      expect(clampWindowState(saved, [laptop])).toEqual({
        ...DEFAULT_WINDOW_SIZE,
        maximized: false,
      });
    }
  });

  it('centres a window left on a monitor that is no longer plugged in', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(clampWindowState(saved, [laptop])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('pulls a window hanging off the edge back inside the display it mostly sits on', () => {
    const saved = { x: 1300, y: 600, width: 800, height: 600, maximized: false };
    expect(clampWindowState(saved, [laptop])).toEqual({
      x: 640,
      y: 260,
      width: 800,
      height: 600,
      maximized: false,
    });
  });

  it('shrinks a window bigger than its display, but not below the minimum', () => {
    const huge = clampWindowState({ x: 0, y: 0, width: 5000, height: 3000 }, [laptop]);
    expect(huge).toMatchObject({ x: 0, y: 0, width: laptop.width, height: laptop.height });
    const tiny = clampWindowState({ x: 10, y: 10, width: 50, height: 20 }, [laptop]);
    expect(tiny).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('keeps a window on the second monitor when that monitor is still there', () => {
    const saved = { x: 2000, y: 100, width: 1800, height: 1200, maximized: true };
    expect(clampWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });
});

describe('saving and reading', () => {
  it('round-trips through a small JSON file', () => {
    const file = join(dir, 'round-trip.json');
    writeWindowState(file, { x: 1, y: 2, width: 900, height: 700, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true });
  });

  it('treats a missing or damaged file as nothing saved', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"x": 1, "wid');
    expect(readWindowState(file)).toBeUndefined();
    expect(readWindowState(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('remembers the normal size when the window closes, and after moves (debounced)', () => {
    vi.useFakeTimers();
    const file = join(dir, 'tracked.json');
    const window = new FakeBrowserWindow({});
    window.isMaximized.mockReturnValue(true);
    trackWindowState(window as unknown as BrowserWindow, file);
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      maximized: true,
    });
    window.getNormalBounds.mockReturnValue({ x: 30, y: 40, width: 800, height: 600 });
    window.emit('move');
    window.emit('resize');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 10 });
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 30, width: 800 });
    expect(window.getNormalBounds).toHaveBeenCalledTimes(2);
  });
});
