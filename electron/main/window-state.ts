import { readFileSync } from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { replaceFileSync } from './replace-file';

export interface WindowState {
  /** Absent: let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1120, height: 780 };
export const MIN_WINDOW_SIZE = { width: 720, height: 480 };

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampNumber(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Turns whatever was saved (possibly nothing, or junk) into a window that fits
 * a display that exists now: a monitor unplugged since last time must not leave
 * the window off-screen. The window goes to the display it overlapped most,
 * shrunk to fit; with no overlap at all it is centred on the primary display.
 */
export function clampWindowState(saved: unknown, workAreas: Rectangle[]): WindowState {
  const raw = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const wanted = {
    x: finite(raw.x),
    y: finite(raw.y),
    width: finite(raw.width) ?? DEFAULT_WINDOW_SIZE.width,
    height: finite(raw.height) ?? DEFAULT_WINDOW_SIZE.height,
  };
  const maximized = raw.maximized === true;
  const home =
    wanted.x !== undefined && wanted.y !== undefined
      ? bestArea(wanted as Rectangle, workAreas)
      : undefined;
  const area = home ?? workAreas[0];
  const width = clampNumber(wanted.width, MIN_WINDOW_SIZE.width, area?.width ?? wanted.width);
  const height = clampNumber(wanted.height, MIN_WINDOW_SIZE.height, area?.height ?? wanted.height);
  if (!home || wanted.x === undefined || wanted.y === undefined)
    return { width, height, maximized };
  return {
    x: clampNumber(wanted.x, home.x, home.x + home.width - width),
    y: clampNumber(wanted.y, home.y, home.y + home.height - height),
    width,
    height,
    maximized,
  };
}

/** The work area the window overlaps most, if it overlaps any. */
function bestArea(bounds: Rectangle, workAreas: Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestShared = 0;
  for (const area of workAreas) {
    const shared = overlap(bounds, area);
    if (shared > bestShared) [best, bestShared] = [area, shared];
  }
  return best;
}

export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // Missing or damaged: the window simply opens at its default size.
    return undefined;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  replaceFileSync(file, JSON.stringify(state));
}

/** Saves size and position after moves and resizes (debounced) and when the window closes. */
export function trackWindowState(window: BrowserWindow, file: string, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    // Normal bounds, so a maximized or full-screen window comes back at its usual size.
    const bounds = window.getNormalBounds();
    try {
      writeWindowState(file, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      console.error('[studyline] could not remember the window size', error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
