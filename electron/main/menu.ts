import { Menu, app } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  onSyncNow: () => void;
  /** Opens a web page in the browser (the allowlisted opener). */
  openExternal: (url: string) => void;
  courseHomepage?: string;
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    // Ctrl/Cmd+R means "refresh" to learners; the page reload moves to Shift+Ctrl/Cmd+R in dev.
    { label: 'Sync Now', accelerator: 'CmdOrCtrl+R', click: () => options.onSyncNow() },
  ];
  if (!options.isMac) submenu.push({ type: 'separator' }, { role: 'quit' });
  return { label: 'File', submenu };
}

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      ...dev,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

function helpMenu(options: MenuOptions): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [];
  if (options.courseHomepage) {
    const homepage = options.courseHomepage;
    submenu.push({ label: 'Course Homepage', click: () => options.openExternal(homepage) });
  }
  if (!options.isMac) submenu.push({ label: 'About Studyline', click: () => app.showAboutPanel() });
  return { role: 'help', submenu };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: app.name,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(fileMenu(options), { role: 'editMenu' }, viewMenu(options));
  if (options.isMac) template.push({ role: 'windowMenu' });
  template.push(helpMenu(options));
  return template;
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
