import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { electron, resetFakeElectron } = await import('./fake-electron');
const { applyTheme } = await import('../../electron/main/theme');

describe('applyTheme', () => {
  beforeEach(() => resetFakeElectron());

  it('makes the window frame and menus follow the theme the learner chose', () => {
    applyTheme('dark');
    expect(electron.nativeTheme.themeSource).toBe('dark');
    applyTheme('system');
    expect(electron.nativeTheme.themeSource).toBe('system');
  });
});
