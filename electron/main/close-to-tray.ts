import { app } from 'electron';
import type { BrowserWindow } from 'electron';

export interface CloseBehaviour {
  /** Call for every main window created. */
  attach(window: BrowserWindow): void;
  /** Whether the app is on its way out (closing must not be turned into hiding). */
  isQuitting(): boolean;
  dispose(): void;
}

/**
 * Closing the window hides it while `hideOnClose()` says so (the learner's
 * "keep running in the tray" setting, and only when a tray icon exists to
 * bring it back), so reminders keep running. Otherwise the window really
 * closes: on Windows and Linux the app then quits (window-all-closed), on
 * macOS it stays in the dock as Mac apps do. Quitting (menu, tray, Cmd+Q,
 * logging off) always closes for real.
 */
export function createCloseBehaviour(options: { hideOnClose: () => boolean }): CloseBehaviour {
  let quitting = false;
  const onBeforeQuit = () => {
    quitting = true;
  };
  app.on('before-quit', onBeforeQuit);
  return {
    attach(window) {
      window.on('close', (event) => {
        if (quitting || !options.hideOnClose()) return;
        event.preventDefault();
        window.hide();
      });
      // Windows logs off without 'before-quit'; a window that refuses to close would block it.
      window.on('session-end', onBeforeQuit);
    },
    isQuitting: () => quitting,
    dispose() {
      app.off('before-quit', onBeforeQuit);
    },
  };
}
