import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTray, electron, resetFakeElectron } from './fake-electron';
import { createAppTray } from '../../electron/main/tray';
import type { TrayActions } from '../../electron/main/tray';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

function setup(platform: NodeJS.Platform, dueCount = 3, remindersEnabled = true) {
  const actions: TrayActions = {
    open: vi.fn(),
    syncNow: vi.fn(),
    setRemindersEnabled: vi.fn(),
    quit: vi.fn(),
  };
  const tray = createAppTray({
    iconPath: '/res/icon.png',
    platform,
    actions,
    initial: { dueCount, remindersEnabled },
  });
  return { tray, actions, fake: FakeTray.instances[0]! };
}

describe('createAppTray', () => {
  it('shows how many emails are due in the tooltip and atop the menu', () => {
    const { fake } = setup('win32', 3);
    expect(fake.tooltip).toBe('Studyline: 3 emails due');
    expect(fake.labels()).toEqual([
      '3 emails due',
      '<separator>',
      'Open Studyline',
      'Sync now',
      'Pause reminders',
      '<separator>',
      'Quit Studyline',
    ]);
  });

  it('uses a small icon drawn from the app icon', () => {
    setup('linux');
    expect(electron.nativeImage.createFromPath).toHaveBeenCalledWith('/res/icon.png');
    expect(FakeTray.instances[0]!.image).toMatchObject({ size: { width: 24, height: 24 } });
  });

  it('on macOS shows the count as the menu bar title, and nothing when nothing is due', () => {
    const { tray, fake } = setup('darwin', 2);
    expect(fake.title).toBe('2');
    tray.update({ dueCount: 0, remindersEnabled: true });
    expect(fake.title).toBe('');
    expect(fake.tooltip).toBe('Studyline: nothing due');
    expect(fake.labels()[0]).toBe('Nothing due');
  });

  it('the menu items do what they say', () => {
    const { fake, actions } = setup('linux');
    fake.clickItem('Open Studyline');
    fake.clickItem('Sync now');
    fake.clickItem('Quit Studyline');
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('pause turns reminders off; once paused, the item offers to resume them', () => {
    const { tray, fake, actions } = setup('linux', 1);
    fake.clickItem('Pause reminders');
    expect(actions.setRemindersEnabled).toHaveBeenCalledWith(false);
    tray.update({ dueCount: 1, remindersEnabled: false });
    expect(fake.tooltip).toBe('Studyline: 1 email due (reminders paused)');
    fake.clickItem('Resume reminders');
    expect(actions.setRemindersEnabled).toHaveBeenLastCalledWith(true);
  });

  it('a click on the icon opens the window, except on macOS where it opens the menu', () => {
    const windows = setup('win32');
    windows.fake.emit('click');
    expect(windows.actions.open).toHaveBeenCalledTimes(1);
    resetFakeElectron();
    const mac = setup('darwin');
    mac.fake.emit('click');
    expect(mac.actions.open).not.toHaveBeenCalled();
  });

  it('rebuilds the menu only when what it shows changed', () => {
    const { tray, fake } = setup('linux', 3);
    tray.update({ dueCount: 3, remindersEnabled: true });
    expect(fake.setContextMenu).toHaveBeenCalledTimes(1);
    tray.update({ dueCount: 4, remindersEnabled: true });
    expect(fake.setContextMenu).toHaveBeenCalledTimes(2);
    expect(fake.labels()[0]).toBe('4 emails due');
  });
});
