import type { BrowserWindow } from 'electron';
import type { Emit } from '../core/app/emit';
import type { Events } from '../shared/contract';
import type { StudylineCore } from '../core/app/core-api';
import { applyStartAtLogin } from './login-item';
import type { LoginItemTarget } from './login-item';
import { createNotifier } from './notify';
import { applyTheme } from './theme';
import { createReminderTimer } from './reminder-timer';
import { createAppTray } from './tray';
import type { AppTray, TrayActions } from './tray';
import { focusWindow } from './window';

export interface BackgroundOptions {
  core: Pick<StudylineCore, 'reminders' | 'markRemindersShown' | 'settings' | 'updateSettings'>;
  emit: Emit;
  platform: NodeJS.Platform;
  /** Without an icon there is no tray, so closing the window cannot hide it. */
  iconPath?: string;
  /** Returns our window, creating it when needed. */
  showWindow: () => BrowserWindow;
  /** Hands a clicked reminder's email to the window once it is ready. */
  openEmail: (payload: Events['app:openEmail']) => void;
  syncNow: () => void;
  quit: () => void;
  loginItem: Omit<LoginItemTarget, 'platform'>;
  log: (message: string, error?: unknown) => void;
}

export interface Background {
  /** Progress, a plan, settings or the library changed: plan reminders again, refresh the tray. */
  changed(): void;
  /** Whether a tray icon is there to bring a hidden window back. */
  hasTray(): boolean;
  stop(): void;
}

function trayActions(options: BackgroundOptions): TrayActions {
  return {
    open: () => focusWindow(options.showWindow()),
    syncNow: options.syncNow,
    quit: options.quit,
    setRemindersEnabled: (remindersEnabled) => {
      options.core
        .updateSettings({ remindersEnabled })
        // Told like any change: an open settings screen shows it, reminders and the tray follow.
        .then(() => options.emit('settings:changed', { fields: ['reminders'] }))
        .catch((error: unknown) => options.log('could not pause or resume reminders', error));
    },
  };
}

function openTray(options: BackgroundOptions): AppTray | undefined {
  if (!options.iconPath) return undefined;
  try {
    return createAppTray({
      iconPath: options.iconPath,
      platform: options.platform,
      initial: { dueCount: 0, remindersEnabled: options.core.settings().reminders.enabled },
      actions: trayActions(options),
    });
  } catch (error) {
    options.log('no tray icon on this system', error);
    return undefined;
  }
}

/**
 * What keeps running while the window is closed: the reminder timer and its
 * notifications, the tray icon with the number of emails due, and the login
 * item that follows the learner's "start at login" setting.
 */
export function startBackground(options: BackgroundOptions): Background {
  const { core, log } = options;
  const notifier = createNotifier({
    showWindow: options.showWindow,
    openEmail: options.openEmail,
    iconPath: options.platform === 'linux' ? options.iconPath : undefined,
    log,
  });
  // Assume off: a login item the learner added by hand is left alone until they use the setting.
  let startAtLogin = false;
  const applyLoginItem = () => {
    const wanted = core.settings().startAtLogin;
    if (wanted === startAtLogin) return;
    startAtLogin = wanted;
    try {
      applyStartAtLogin(wanted, { ...options.loginItem, platform: options.platform });
    } catch (error) {
      log('could not change the login item', error);
    }
  };
  const changed = () => {
    applyLoginItem();
    applyTheme(core.settings().theme);
    void timer.replan();
  };
  const tray = openTray(options);
  const timer = createReminderTimer({
    core,
    notify: (reminder) => notifier.show(reminder),
    onPlanned: (view) =>
      tray?.update({
        dueCount: view.dueCount,
        remindersEnabled: core.settings().reminders.enabled,
      }),
    log,
  });
  applyLoginItem();
  applyTheme(core.settings().theme);
  timer.start();
  return {
    changed,
    hasTray: () => tray !== undefined,
    stop() {
      timer.stop();
      notifier.dispose();
      tray?.destroy();
    },
  };
}
