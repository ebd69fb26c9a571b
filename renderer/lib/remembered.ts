/**
 * Small view preferences the window keeps on this computer between launches
 * (pane widths, the course on screen). Storage may be missing (unit tests) or
 * refuse (a locked-down profile): then nothing is remembered, quietly.
 */
export function readRemembered(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(key, value);
  } catch {
    // Not remembered this time; what is on screen still changes.
  }
}

/** The course on screen, so the window reopens on it (and asks for it at once). */
export const REMEMBERED_COURSE = 'studyline.course';
