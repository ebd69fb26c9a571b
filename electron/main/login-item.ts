import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { diskError } from '../core/errors';
import { replaceFileSync } from './replace-file';

/** Passed by the login item: start in the tray, without showing the window. */
export const HIDDEN_FLAG = '--hidden';
const DESKTOP_FILE = 'studyline.desktop';

export interface LoginItemTarget {
  platform: NodeJS.Platform;
  /** Unpackaged runs would register the bare Electron binary, so nothing is done. */
  isPackaged: boolean;
  /** What to launch: process.execPath, or the AppImage file itself ($APPIMAGE) on Linux. */
  executable: string;
  /** Linux: $XDG_CONFIG_HOME/autostart (app.getPath('appData') + '/autostart'). */
  autostartDir: string;
}

/** One argument of a desktop entry's Exec key, quoted per the freedesktop spec. */
export function desktopExecArg(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(arg)) return percent;
  const quoted = `"${percent.replace(/["`$\\]/g, '\\$&')}"`;
  // The string-value escape applies on top of the quoting rule: every backslash doubles again.
  return quoted.replace(/\\/g, '\\\\');
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Studyline',
    'Comment=Reminders for the courses you follow',
    `Exec=${desktopExecArg(executable)} ${HIDDEN_FLAG}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Electron has no login items on Linux: the XDG autostart folder is the standard way. */
function applyLinux(openAtLogin: boolean, target: LoginItemTarget): void {
  const file = join(target.autostartDir, DESKTOP_FILE);
  if (!openAtLogin) {
    rmSync(file, { force: true });
    return;
  }
  try {
    mkdirSync(target.autostartDir, { recursive: true });
    replaceFileSync(file, autostartEntry(target.executable));
  } catch (error) {
    throw diskError(error, 'the entry that starts Studyline at login');
  }
}

/**
 * Registers (or removes) Studyline as a login item. Opt-in: the caller applies
 * the learner's setting. macOS cannot pass arguments to a login item (and
 * `openAsHidden` is gone), so there the launch is recognised by
 * `wasOpenedAtLogin` instead; see isHiddenLaunch.
 */
export function applyStartAtLogin(openAtLogin: boolean, target: LoginItemTarget): void {
  if (!target.isPackaged) return;
  if (target.platform === 'linux') applyLinux(openAtLogin, target);
  else if (target.platform === 'win32')
    app.setLoginItemSettings({ openAtLogin, path: target.executable, args: [HIDDEN_FLAG] });
  else if (target.platform === 'darwin') app.setLoginItemSettings({ openAtLogin });
}

/** A launch at login starts in the tray without showing the window. */
export function isHiddenLaunch(argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
