import { Notification } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Events } from '../shared/contract';
import type { Reminder } from '../shared/types';
import { focusWindow } from './window';

/** Enough to answer a click from the notification centre long after the toast left the screen. */
const KEEP_AT_MOST = 20;

export interface NotifierOptions {
  /** Returns our window, creating it when the app runs in the tray only. */
  showWindow: () => BrowserWindow;
  /** Hands the email to open to the window once it is ready (deliveries.ts). */
  openEmail: (payload: Events['app:openEmail']) => void;
  /** Linux shows it next to the text; macOS and Windows use the app's own icon. */
  iconPath?: string;
  log?: (message: string, error?: unknown) => void;
}

export interface Notifier {
  show(reminder: Reminder): void;
  /** Forgets every notification (on quit). */
  dispose(): void;
}

/**
 * Shows reminders as system notifications. Electron drops a click on a
 * notification object that was garbage-collected, so each one is kept until
 * it is clicked or closed (the oldest are let go past a few).
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const alive = new Set<Notification>();

  const forget = (notification: Notification) => alive.delete(notification);

  const keep = (notification: Notification) => {
    alive.add(notification);
    for (const old of alive) {
      if (alive.size <= KEEP_AT_MOST) break;
      alive.delete(old);
    }
  };

  const open = (reminder: Reminder) => {
    const window = options.showWindow();
    focusWindow(window);
    if (reminder.emailId === undefined) return;
    options.openEmail({ courseId: reminder.courseId, emailId: reminder.emailId });
  };

  return {
    show(reminder) {
      if (!Notification.isSupported()) {
        options.log?.('this system cannot show notifications');
        return;
      }
      const notification = new Notification({
        // The same key replaces, rather than stacks, a reminder already in the notification centre.
        id: reminder.key,
        title: reminder.title,
        body: reminder.body,
        silent: false,
        ...(options.iconPath ? { icon: options.iconPath } : {}),
      });
      notification.on('click', () => {
        forget(notification);
        open(reminder);
      });
      notification.on('close', () => forget(notification));
      notification.on('failed', (_event, error) => {
        forget(notification);
        options.log?.(`the reminder ${reminder.key} could not be shown: ${error}`);
      });
      keep(notification);
      notification.show();
    },
    dispose() {
      alive.clear();
    },
  };
}
