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
  const openEmail = vi.fn();
  const notifier = createNotifier({ showWindow, openEmail, log, iconPath: '/res/icon.png' });
  return { window, showWindow, openEmail, log, notifier };
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

  it('a click brings the window forward and hands it that email (held until it is ready)', () => {
    const { notifier, window, openEmail } = setup();
    window.isMinimized.mockReturnValue(true);
    notifier.show(reminder);
    FakeNotification.instances[0]!.emit('click', {});
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(openEmail).toHaveBeenCalledWith({ courseId: 'py', emailId: 'py-email-3' });
  });

  it('a reminder without an email (a nudge) just opens the app', () => {
    const { notifier, window, openEmail } = setup();
    notifier.show({ ...reminder, kind: 'nudge', emailId: undefined });
    FakeNotification.instances[0]!.emit('click', {});
    expect(window.show).toHaveBeenCalled();
    expect(openEmail).not.toHaveBeenCalled();
  });

  it('says so in the log and shows nothing where the system has no notifications', () => {
    const { notifier, log } = setup();
    FakeNotification.isSupported.mockReturnValueOnce(false);
    notifier.show(reminder);
    expect(FakeNotification.instances).toHaveLength(0);
    expect(log).toHaveBeenCalledWith('this system cannot show notifications');
  });
});
