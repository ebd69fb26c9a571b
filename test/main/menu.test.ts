import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetFakeElectron } from './fake-electron';
import { buildMenuTemplate, installMenu } from '../../electron/main/menu';
import type { MenuOptions } from '../../electron/main/menu';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

beforeEach(() => resetFakeElectron());

function menu(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    isMac: false,
    isDev: false,
    onSyncNow: vi.fn(),
    openExternal: vi.fn(),
    courseHomepage: 'https://mechanicalmooc.wordpress.com/',
    ...overrides,
  };
  return { options, template: buildMenuTemplate(options) };
}

function items(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const top = template.find((m) => m.label === label || m.role === label);
  return (top?.submenu ?? []) as MenuItemConstructorOptions[];
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    const { template } = menu();
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'help']);
  });

  it('syncs with Ctrl/Cmd+R from the File menu, which also quits', () => {
    const { template, options } = menu();
    const sync = items(template, 'File').find((i) => i.label === 'Sync Now');
    expect(sync?.accelerator).toBe('CmdOrCtrl+R');
    click(sync);
    expect(options.onSyncNow).toHaveBeenCalledTimes(1);
    expect(items(template, 'File').some((i) => i.role === 'quit')).toBe(true);
  });

  it('offers page reload and devtools only in development, never on Ctrl/Cmd+R', () => {
    const roles = (isDev: boolean) => items(menu({ isDev }).template, 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
    expect(roles(true)).toEqual(expect.arrayContaining(['forceReload', 'toggleDevTools']));
    expect(roles(true)).not.toContain('reload');
  });

  it('opens the course homepage in the browser and shows About', () => {
    const { template, options } = menu();
    const help = items(template, 'help');
    click(help.find((i) => i.label === 'Course Homepage'));
    expect(options.openExternal).toHaveBeenCalledWith('https://mechanicalmooc.wordpress.com/');
    click(help.find((i) => i.label === 'About Studyline'));
    expect(electron.app.showAboutPanel).toHaveBeenCalled();
  });

  it('follows macOS conventions: app menu with About and Quit, Window menu', () => {
    const { template } = menu({ isMac: true });
    expect(template[0]?.label).toBe('Studyline');
    expect(items(template, 'Studyline').map((i) => i.role)).toEqual(
      expect.arrayContaining(['about', 'hide', 'quit']),
    );
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
    expect(items(template, 'File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('installs itself as the application menu', () => {
    installMenu(menu().options);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
