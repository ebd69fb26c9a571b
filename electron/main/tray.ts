import { Menu, Tray, nativeImage } from 'electron';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';

export interface TrayState {
  /** Emails due today or earlier, across courses (RemindersView.dueCount). */
  dueCount: number;
  remindersEnabled: boolean;
}

export interface TrayActions {
  open(): void;
  syncNow(): void;
  setRemindersEnabled(enabled: boolean): void;
  quit(): void;
}

export interface AppTray {
  update(state: TrayState): void;
  destroy(): void;
}

/** Tray icons are drawn at the system's small size; our icon file is 1024 px. */
const ICON_SIZE: Partial<Record<NodeJS.Platform, number>> = { darwin: 16, win32: 16 };
const LINUX_ICON_SIZE = 24;

export function dueLabel(dueCount: number): string {
  if (dueCount <= 0) return 'Nothing due';
  return dueCount === 1 ? '1 email due' : `${dueCount} emails due`;
}

/** The tooltip: what is due, and whether reminders are paused. */
export function trayTooltip(state: TrayState): string {
  const paused = state.remindersEnabled ? '' : ' (reminders paused)';
  return `Studyline: ${dueLabel(state.dueCount).toLowerCase()}${paused}`;
}

export function trayMenuTemplate(
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    // Linux tray hosts often show no tooltip, so the count is repeated here.
    { label: dueLabel(state.dueCount), enabled: false },
    { type: 'separator' },
    { label: 'Open Studyline', click: () => actions.open() },
    { label: 'Sync now', click: () => actions.syncNow() },
    state.remindersEnabled
      ? { label: 'Pause reminders', click: () => actions.setRemindersEnabled(false) }
      : { label: 'Resume reminders', click: () => actions.setRemindersEnabled(true) },
    { type: 'separator' },
    { label: 'Quit Studyline', click: () => actions.quit() },
  ];
}

function trayIcon(iconPath: string, platform: NodeJS.Platform): NativeImage {
  const size = ICON_SIZE[platform] ?? LINUX_ICON_SIZE;
  return nativeImage.createFromPath(iconPath).resize({ width: size, height: size });
}

/** The tray (menu bar on macOS) icon that keeps reminders reachable while the window is closed. */
export function createAppTray(options: {
  iconPath: string;
  platform: NodeJS.Platform;
  actions: TrayActions;
  initial: TrayState;
}): AppTray {
  const tray = new Tray(trayIcon(options.iconPath, options.platform));
  // On macOS a click opens the menu, as menu bar items do; elsewhere it opens the window.
  if (options.platform !== 'darwin') tray.on('click', () => options.actions.open());
  let shown: string | undefined;
  const update = (state: TrayState) => {
    // Linux tray hosts flicker when the menu is replaced, so only a real change rebuilds it.
    const key = `${state.dueCount}/${state.remindersEnabled}`;
    if (key === shown) return;
    shown = key;
    tray.setToolTip(trayTooltip(state));
    if (options.platform === 'darwin')
      tray.setTitle(state.dueCount > 0 ? String(state.dueCount) : '');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, options.actions)));
  };
  update(options.initial);
  return {
    update,
    destroy: () => tray.destroy(),
  };
}
