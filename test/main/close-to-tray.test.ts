import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, app, fireEvent, resetFakeElectron } from './fake-electron';
import { createCloseBehaviour } from '../../electron/main/close-to-tray';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

function setup(hideOnClose: boolean) {
  const behaviour = createCloseBehaviour({ hideOnClose: () => hideOnClose });
  const window = new FakeBrowserWindow({});
  behaviour.attach(window as unknown as BrowserWindow);
  return { behaviour, window };
}

describe('createCloseBehaviour', () => {
  it('with "keep running in the tray", closing the window hides it and the app keeps running', () => {
    const { window } = setup(true);
    const event = fireEvent(window, 'close');
    expect(event.defaultPrevented).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('without it, the window really closes (and the app quits when it was the last one)', () => {
    const { window } = setup(false);
    const event = fireEvent(window, 'close');
    expect(event.defaultPrevented).toBe(false);
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('quitting from the menu or tray closes the window for real, even in tray mode', () => {
    const { window, behaviour } = setup(true);
    app.emit('before-quit', {});
    expect(behaviour.isQuitting()).toBe(true);
    expect(fireEvent(window, 'close').defaultPrevented).toBe(false);
  });

  it('logging off Windows is never blocked by a hidden window', () => {
    const { window } = setup(true);
    window.emit('session-end', {});
    expect(fireEvent(window, 'close').defaultPrevented).toBe(false);
  });

  it('reads the setting at every close, so changing it applies at once', () => {
    let hide = true;
    const behaviour = createCloseBehaviour({ hideOnClose: () => hide });
    const window = new FakeBrowserWindow({});
    behaviour.attach(window as unknown as BrowserWindow);
    expect(fireEvent(window, 'close').defaultPrevented).toBe(true);
    hide = false;
    expect(fireEvent(window, 'close').defaultPrevented).toBe(false);
    behaviour.dispose();
    expect(app.listenerCount('before-quit')).toBe(0);
  });
});
