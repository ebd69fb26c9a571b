import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeNotification, resetFakeElectron } from './fake-electron';
import { reminderAt } from './fake-reminder-core';
import { createNotifier } from '../../electron/main/notify';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

function setup() {
  const window = new FakeBrowserWindow({});
  const showWindow = vi.fn(() => window as unknown as BrowserWindow);
  const log = vi.fn();
  const notifier = createNotifier({ showWindow, log, iconPath: '/res/icon.png' });
  return { window, showWindow, log, notifier };
}

const reminder = reminderAt('py', '2026-03-02', '2026-03-02T09:00:00.000Z');

describe('createNotifier', () => {
  it('shows the reminder as an audible system notification', () => {
    const { notifier } = setup();
    notifier.show(reminder);
    const [notification] = FakeNotification.instances;
    expect(notification?.options).toMatchObject({
      title: reminder.title,
      body: reminder.body,
      silent: false,
      icon: '/res/icon.png',
    });
    expect(notification?.show).toHaveBeenCalled();
  });

  it('a click brings the window forward and opens that email', () => {
    const { notifier, window } = setup();
    window.isMinimized.mockReturnValue(true);
    notifier.show(reminder);
    FakeNotification.instances[0]!.emit('click', {});
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('app:openEmail', {
      courseId: 'py',
      emailId: 'py-email-3',
    });
  });

  it('waits for a window opened by the click to load before asking it to open the email', () => {
    const { notifier, window } = setup();
    window.webContents.isLoading.mockReturnValue(true);
    notifier.show(reminder);
    FakeNotification.instances[0]!.emit('click', {});
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(window.webContents.send).toHaveBeenCalledWith('app:openEmail', {
      courseId: 'py',
      emailId: 'py-email-3',
    });
  });

  it('a reminder without an email (a nudge) just opens the app', () => {
    const { notifier, window } = setup();
    notifier.show({ ...reminder, kind: 'nudge', emailId: undefined });
    FakeNotification.instances[0]!.emit('click', {});
    expect(window.show).toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('says so in the log and shows nothing where the system has no notifications', () => {
    const { notifier, log } = setup();
    FakeNotification.isSupported.mockReturnValueOnce(false);
    notifier.show(reminder);
    expect(FakeNotification.instances).toHaveLength(0);
    expect(log).toHaveBeenCalledWith('this system cannot show notifications');
  });
});
