import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A hand-written stand-in for the parts of `electron` the main process uses.
 * Tests do: vi.mock('electron', async () => (await import('./fake-electron')).electron)
 */

type Listener = (...args: unknown[]) => unknown;

/** Emits like Electron: the event object first, with preventDefault recorded. */
export function fireEvent(emitter: EventEmitter, name: string, ...args: unknown[]) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  emitter.emit(name, event, ...args);
  return event;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed = () => false;
  isLoading = vi.fn(() => false);
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  hide = vi.fn();
  close = vi.fn(() => fireEvent(this, 'close'));
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  isMinimized = vi.fn(() => false);
  isMaximized = vi.fn(() => false);
  isVisible = vi.fn(() => true);
  isDestroyed = vi.fn(() => false);
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 900, height: 700 }));
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows = () => FakeBrowserWindow.instances;
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static isSupported = vi.fn(() => true);
  show = vi.fn();
  close = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    FakeNotification.instances.push(this);
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: { template: Record<string, unknown>[] } | undefined;
  setToolTip = vi.fn((text: string) => (this.tooltip = text));
  setTitle = vi.fn((text: string) => (this.title = text));
  setContextMenu = vi.fn((menu: { template: Record<string, unknown>[] }) => (this.menu = menu));
  destroy = vi.fn();
  constructor(public image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
  /** Clicks the menu item with this label, as the learner would. */
  clickItem(label: string) {
    const item = this.menu?.template.find((entry) => entry.label === label);
    if (!item) throw new Error(`no menu item "${label}"`);
    (item.click as () => void)();
  }
  labels() {
    return (this.menu?.template ?? []).map((entry) => entry.label ?? `<${String(entry.type)}>`);
  }
}

const handlers = new Map<string, Listener>();

export const ipcMain = {
  handle: vi.fn((channel: string, listener: Listener) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  /** Calls a registered handler as a renderer would. */
  invoke(channel: string, event: unknown, ...args: unknown[]) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  },
  channels: () => [...handlers.keys()],
};

const fakeSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn() },
};

export const app = Object.assign(new EventEmitter(), {
  name: 'Studyline',
  isPackaged: false,
  getVersion: () => '0.1.0',
  showAboutPanel: vi.fn(),
  setAboutPanelOptions: vi.fn(),
  quit: vi.fn(),
  getPath: vi.fn((name: string) => `/home/learner/${name}`),
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false })),
});

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  shell: {
    openExternal: vi.fn(async (_url: string) => undefined),
    showItemInFolder: vi.fn((_path: string) => undefined),
  },
  clipboard: { writeText: vi.fn((_text: string) => undefined) },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  },
  session: { defaultSession: fakeSession },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  screen: {
    getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
  },
  net: { fetch: vi.fn() },
  dialog: {
    showErrorBox: vi.fn(),
    showSaveDialog: vi.fn(
      async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({
        canceled: true,
        filePath: '',
      }),
    ),
    showOpenDialog: vi.fn(
      async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
        canceled: true,
        filePaths: [],
      }),
    ),
  },
  Notification: FakeNotification,
  Tray: FakeTray,
  nativeImage: {
    createFromPath: vi.fn((path: string) => ({
      path,
      isEmpty: () => false,
      resize: (size: { width: number; height: number }) => ({ path, size, isEmpty: () => false }),
      setTemplateImage: vi.fn(),
    })),
  },
  powerMonitor: new EventEmitter(),
  nativeTheme: { themeSource: 'system' as 'system' | 'light' | 'dark' },
};

/** Forgets windows, handlers and calls between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  FakeNotification.instances = [];
  FakeTray.instances = [];
  handlers.clear();
  protocolHandlers.clear();
  app.removeAllListeners();
  electron.powerMonitor.removeAllListeners();
  electron.nativeTheme.themeSource = 'system';
  vi.clearAllMocks();
}
