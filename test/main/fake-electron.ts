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
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  isMinimized = vi.fn(() => false);
  isMaximized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 900, height: 700 }));
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows = () => FakeBrowserWindow.instances;
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
});

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  shell: { openExternal: vi.fn(async (_url: string) => undefined) },
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
  dialog: { showErrorBox: vi.fn() },
  powerMonitor: new EventEmitter(),
};

/** Forgets windows, handlers and calls between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  handlers.clear();
  protocolHandlers.clear();
  app.removeAllListeners();
  electron.powerMonitor.removeAllListeners();
  vi.clearAllMocks();
}
