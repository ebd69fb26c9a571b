import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from './fake-electron';
import { applyStartAtLogin, desktopExecArg, isHiddenLaunch } from '../../electron/main/login-item';
import type { LoginItemTarget } from '../../electron/main/login-item';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const dir = mkdtempSync(join(tmpdir(), 'studyline-login-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

function target(platform: NodeJS.Platform, extra: Partial<LoginItemTarget> = {}): LoginItemTarget {
  return {
    platform,
    isPackaged: true,
    executable: '/opt/Studyline/studyline',
    autostartDir: join(dir, platform, 'autostart'),
    ...extra,
  };
}

describe('applyStartAtLogin', () => {
  it('on Windows registers the app to start hidden at login, and removes it again', () => {
    applyStartAtLogin(true, target('win32', { executable: 'C:\\Studyline\\Studyline.exe' }));
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: true,
      path: 'C:\\Studyline\\Studyline.exe',
      args: ['--hidden'],
    });
    applyStartAtLogin(false, target('win32'));
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ openAtLogin: false }),
    );
  });

  it('on macOS uses the system login item', () => {
    applyStartAtLogin(true, target('darwin'));
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('on Linux writes an autostart entry that starts hidden, and deletes it when turned off', () => {
    const linux = target('linux', { executable: '/home/learner/Apps/Studyline 1.0.AppImage' });
    applyStartAtLogin(true, linux);
    const file = join(linux.autostartDir, 'studyline.desktop');
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/learner/Apps/Studyline 1.0.AppImage" --hidden');
    applyStartAtLogin(false, linux);
    expect(existsSync(file)).toBe(false);
    applyStartAtLogin(false, linux); // already off: nothing to do, no error
  });

  it('does nothing in development, where it would register the bare Electron binary', () => {
    const dev = target('linux', { isPackaged: false });
    applyStartAtLogin(true, dev);
    applyStartAtLogin(true, target('win32', { isPackaged: false }));
    expect(existsSync(join(dev.autostartDir, 'studyline.desktop'))).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('desktopExecArg', () => {
  it('leaves plain paths alone and quotes the rest as the freedesktop spec says', () => {
    expect(desktopExecArg('/usr/bin/studyline')).toBe('/usr/bin/studyline');
    expect(desktopExecArg('/a b/x')).toBe('"/a b/x"');
    expect(desktopExecArg('/a$b')).toBe('"/a\\\\$b"');
    expect(desktopExecArg('/100%/x')).toBe('/100%%/x');
  });
});

describe('isHiddenLaunch', () => {
  it('is hidden when started with --hidden, or by the macOS login item', () => {
    expect(isHiddenLaunch(['/opt/studyline', '--hidden'], 'linux')).toBe(true);
    expect(isHiddenLaunch(['/opt/studyline'], 'linux')).toBe(false);
    app.getLoginItemSettings.mockReturnValueOnce({ openAtLogin: true, wasOpenedAtLogin: true });
    expect(isHiddenLaunch(['/Applications/Studyline.app'], 'darwin')).toBe(true);
  });
});
