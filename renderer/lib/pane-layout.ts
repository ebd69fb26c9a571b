/**
 * How the library's panes share the window: the email list and the study
 * groups have widths the learner can drag (remembered), the reader takes the
 * rest. Below WIDE_MIN the groups leave the row and open as a drawer.
 */
export interface PaneLayout {
  listWidth: number;
  groupsWidth: number;
  /** The groups column is shown (wide windows; in narrow ones the drawer is used). */
  groupsOpen: boolean;
}

export const WIDE_MIN = 1100;
/** The reader never gets narrower than this: an email needs room for its code. */
export const READER_MIN = 360;
export const LIST_LIMITS = { min: 240, max: 560 } as const;
export const GROUPS_LIMITS = { min: 240, max: 480 } as const;
export const DEFAULT_LAYOUT: PaneLayout = { listWidth: 320, groupsWidth: 300, groupsOpen: true };
/** One arrow key press on a splitter; with Shift, five. */
export const RESIZE_STEP = 16;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** A stored layout, or the defaults for anything missing or out of range (a hand-edited value). */
export function parseLayout(text: string | null): PaneLayout {
  let stored: Partial<Record<keyof PaneLayout, unknown>> = {};
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (value && typeof value === 'object') stored = value;
  } catch {
    // A damaged value is as good as none.
  }
  const width = (value: unknown, fallback: number, limits: { min: number; max: number }) =>
    typeof value === 'number' && Number.isFinite(value)
      ? clamp(Math.round(value), limits.min, limits.max)
      : fallback;
  return {
    listWidth: width(stored.listWidth, DEFAULT_LAYOUT.listWidth, LIST_LIMITS),
    groupsWidth: width(stored.groupsWidth, DEFAULT_LAYOUT.groupsWidth, GROUPS_LIMITS),
    groupsOpen: typeof stored.groupsOpen === 'boolean' ? stored.groupsOpen : true,
  };
}

export interface ShownWidths {
  list: number;
  /** Absent when the groups are not a column (narrow window, or collapsed). */
  groups?: number;
  /** Largest width each splitter may reach in this window. */
  listMax: number;
  groupsMax: number;
}

/**
 * The widths as shown in a window of `viewport` pixels: what the learner
 * chose, shrunk when needed so the reader keeps READER_MIN (the stored choice
 * is kept for a bigger window).
 */
export function shownWidths(layout: PaneLayout, viewport: number): ShownWidths {
  const columnGroups = viewport >= WIDE_MIN && layout.groupsOpen;
  const groupsMax = clamp(
    viewport - READER_MIN - LIST_LIMITS.min,
    GROUPS_LIMITS.min,
    GROUPS_LIMITS.max,
  );
  const groups = columnGroups ? clamp(layout.groupsWidth, GROUPS_LIMITS.min, groupsMax) : undefined;
  const listMax = clamp(viewport - READER_MIN - (groups ?? 0), LIST_LIMITS.min, LIST_LIMITS.max);
  // In a small window the list takes at most 40% so the email stays readable.
  const narrowCap =
    viewport < WIDE_MIN ? Math.max(LIST_LIMITS.min, Math.floor(viewport * 0.4)) : listMax;
  const list = clamp(layout.listWidth, LIST_LIMITS.min, Math.min(listMax, narrowCap));
  return { list, groups, listMax: Math.min(listMax, narrowCap), groupsMax };
}

/** The next width for a splitter key, or undefined for a key it does not use. */
export function resizeByKey(
  key: string,
  shift: boolean,
  width: number,
  limits: { min: number; max: number },
  /** +1 when ArrowRight makes the pane wider (the list), -1 when it makes it narrower (the groups). */
  direction: 1 | -1,
): number | undefined {
  const step = RESIZE_STEP * (shift ? 5 : 1);
  if (key === 'ArrowRight') return clamp(width + step * direction, limits.min, limits.max);
  if (key === 'ArrowLeft') return clamp(width - step * direction, limits.min, limits.max);
  if (key === 'Home') return limits.min;
  if (key === 'End') return limits.max;
  return undefined;
}
