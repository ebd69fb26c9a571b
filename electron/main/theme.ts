import { nativeTheme } from 'electron';
import type { AppSettings } from '../shared/types';

/**
 * The learner's theme setting also drives the window frame, menus and
 * dialogs: Electron follows nativeTheme, not the page's CSS.
 */
export function applyTheme(theme: AppSettings['theme']): void {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme;
}
