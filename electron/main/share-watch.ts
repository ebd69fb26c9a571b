import { app, powerMonitor } from 'electron';
import type { StudylineCore } from '../core/app/core-api';

type Log = (message: string, error?: unknown) => void;

/** How often the running app looks at the shared folder on its own. */
export const SHARE_POLL_MS = 45_000;
/** Focus comes and goes often: one look per this long is enough. */
export const FOCUS_CHECK_GAP_MS = 15_000;

/**
 * Besides the core's own look every SHARE_POLL_MS, the shared folder is read
 * when the learner comes back: the window gains focus (they may just have
 * studied on the laptop) or the computer wakes up. What changed reaches the
 * window through the core's events.
 */
export function watchSharedFolder(
  core: Pick<StudylineCore, 'shareStatus' | 'shareSync'>,
  log: Log,
  now: () => number = Date.now,
): () => void {
  let lastLook = Number.NEGATIVE_INFINITY;
  const look = (force: boolean) => {
    if (!core.shareStatus().on) return;
    if (!force && now() - lastLook < FOCUS_CHECK_GAP_MS) return;
    lastLook = now();
    core.shareSync().catch((error: unknown) => log('could not look at the shared folder', error));
  };
  const onFocus = () => look(false);
  const onResume = () => look(true);
  app.on('browser-window-focus', onFocus);
  powerMonitor.on('resume', onResume);
  return () => {
    app.off('browser-window-focus', onFocus);
    powerMonitor.off('resume', onResume);
  };
}
