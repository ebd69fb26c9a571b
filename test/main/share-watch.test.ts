import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetFakeElectron } from './fake-electron';
import { FOCUS_CHECK_GAP_MS, watchSharedFolder } from '../../electron/main/share-watch';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

function fakeCore(on = true) {
  return {
    shareStatus: vi.fn(() => ({ on })),
    shareSync: vi.fn(async () => ({ on })),
  };
}

describe('looking at the shared folder when the learner comes back', () => {
  it('looks when the window gains focus, at most once per gap, and always after sleep', () => {
    const core = fakeCore();
    let now = 1_000_000;
    const stop = watchSharedFolder(core as never, vi.fn(), () => now);
    electron.app.emit('browser-window-focus');
    electron.app.emit('browser-window-focus');
    expect(core.shareSync).toHaveBeenCalledTimes(1);
    now += FOCUS_CHECK_GAP_MS;
    electron.app.emit('browser-window-focus');
    expect(core.shareSync).toHaveBeenCalledTimes(2);
    electron.powerMonitor.emit('resume');
    expect(core.shareSync).toHaveBeenCalledTimes(3);
    stop();
    now += FOCUS_CHECK_GAP_MS;
    electron.app.emit('browser-window-focus');
    electron.powerMonitor.emit('resume');
    expect(core.shareSync).toHaveBeenCalledTimes(3);
  });

  it('does nothing while sharing is off, and logs a failed look instead of throwing', async () => {
    const off = fakeCore(false);
    watchSharedFolder(off as never, vi.fn());
    electron.app.emit('browser-window-focus');
    expect(off.shareSync).not.toHaveBeenCalled();

    resetFakeElectron();
    const failing = fakeCore();
    failing.shareSync.mockRejectedValue(new Error('EIO'));
    const log = vi.fn();
    watchSharedFolder(failing as never, log);
    electron.powerMonitor.emit('resume');
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('shared folder'), expect.any(Error)),
    );
  });
});
