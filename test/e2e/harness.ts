import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { dispatch } from '../../electron/core/app/dispatch';
import type { RequestHandlers } from '../../electron/core/app/dispatch';
import { createRequestHandlers } from '../../electron/core/app/request-handlers';
import { createSyncRunner } from '../../electron/core/app/sync-runner';
import { emitEvent, type CoreEvent } from '../../electron/core/app/share-events';
import { REQUEST_CHANNELS } from '../../electron/shared/contract';
import type { Events, RequestChannel } from '../../electron/shared/contract';
import { createDeliveries } from '../../electron/main/deliveries';
import type { PageContents } from '../../electron/main/deliveries';
import { ASSET_PREFIX, startAppServer } from './app-server';
import type { AppServer } from './app-server';
import { ensureRendererBuilt } from './build-renderer';
import { connectPageBridge, installPageBridge, type PageBridge } from './page-bridge';
import { findChromium } from '../helpers/find-chromium';

function browserOrExplain(): string {
  const found = findChromium();
  if (found.path) return found.path;
  throw new Error(
    `No browser to run the window in: ${found.problem}. Install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

/**
 * Chromium's own address-bar pop-up (a WebUI page in a renderer of its own) loads with every
 * new window and took as much CPU as the app's page while it loaded. Electron has no address
 * bar, so the window is measured and tested without it.
 */
const NO_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Chromium keeps only the last --disable-features it is given, so the list Playwright passes
 * itself (playwright-core's chromiumSwitches) is repeated here; browser-flags.test.ts fails
 * if a Playwright update adds one this list lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chrome or Chromium (test files pass toolPath('chromium'); scripts let it be found),
 * with the flags from TOOLCHAIN.md: no network chatter of its own.
 */
export function launchBrowser(executablePath = browserOrExplain()): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_BROWSER_UI].join(',')}`,
    ],
  });
}

export interface OpenAppOptions {
  /** Catalog whose feeds live on the test's loopback server. */
  catalogPath: string;
  /** Reuse a data folder (e.g. a demo library); a fresh temp folder otherwise. */
  dataDir?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  now?: () => Date;
  /** Runs before the page loads: make the library, follow courses… */
  prepare?: (core: StudylineCore) => Promise<void>;
  /** Runs on the browser context before the page opens (init scripts for measurements). */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
  /** With sharing on, how often the core looks at the shared folder (as the app does). */
  sharePollMs?: number;
  /** This computer's name in a shared folder (the default is the host name). */
  computerName?: string;
  /** Requests answered this many ms late (a slow disk), by channel. */
  slowChannels?: Partial<Record<RequestChannel, number>>;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  core: StudylineCore;
  dataDir: string;
  server: AppServer;
  /** Every URL the app asked to open in the learner's browser. */
  opened: string[];
  /** Files the app saved through the (simulated) save dialog. */
  saved: { name: string; text: string; kind: string }[];
  /** Texts the (simulated) open dialog hands out, first in first out; empty means cancelled. */
  filesToOpen: string[];
  /** Folders the (simulated) folder dialog hands out, first in first out; empty means cancelled. */
  foldersToChoose: string[];
  /** Files the app asked to show in the file manager. */
  shownInFolder: string[];
  /** What the app put on the clipboard. */
  clipboard: string[];
  /** Pushes an event to the page as main does (a change made by the CLI, the tray). */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  /** A clicked reminder, handed over as main does: held until the page says it is ready. */
  openEmail(payload: Events['app:openEmail']): void;
  /** Every request the page made through the bridge, in order (benchmarks count them). */
  requests: { channel: RequestChannel; args: unknown[] }[];
  /** Every event pushed to the page, with how many requests it had made by then. */
  events: { event: keyof Events; afterRequests: number }[];
  /** Errors thrown in the page (uncaught), for tests that must stay clean. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Runs the built renderer in Chromium with window.studyline bound to a real
 * core over a temp data folder, the way preload binds it in the app: every
 * request goes through main's own dispatch (electron/core/app/dispatch.ts),
 * the same handlers, sync runner and ready handshake.
 */
export async function openApp(browser: Browser, options: OpenAppOptions): Promise<AppSession> {
  const rendererDir = await ensureRendererBuilt();
  const ownDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'studyline-e2e-'));
  const dataDir = options.dataDir ?? ownDir!;
  // The core's own news (sharing) goes to the page once it is there, as main sends it.
  let coreNews: (event: CoreEvent) => void = () => {};
  const core = await openStudyline({
    dataDir,
    owner: 'cli',
    timeoutMs: 5_000,
    catalogPath: options.catalogPath,
    assetUrl: (file) => ASSET_PREFIX + file.split('/').map(encodeURIComponent).join('/'),
    now: options.now,
    sharePollMs: options.sharePollMs,
    computerName: options.computerName,
    onShared: (event) => coreNews(event),
  });
  await options.prepare?.(core);
  const server = await startAppServer(rendererDir, join(dataDir, 'assets'));
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  const opened: string[] = [];
  const pageErrors: string[] = [];
  // The page opens last; `contents` is its one stable stand-in (the handshake compares identity).
  const live: { page?: Page; contents?: PageContents; bridge?: PageBridge } = {};
  const requests: AppSession['requests'] = [];
  const send = (event: string, payload: unknown) => live.bridge?.emit(event, payload);
  const events: AppSession['events'] = [];
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) => {
    events.push({ event, afterRequests: requests.length });
    if (live.page && !live.page.isClosed()) send(event, payload);
  };
  const deliveries = createDeliveries(() => live.contents);
  const saved: AppSession['saved'] = [];
  const filesToOpen: string[] = [];
  const foldersToChoose: string[] = [];
  const shownInFolder: string[] = [];
  const clipboard: string[] = [];
  // The OS dialogs are the only part played here: the learner's choice is scripted.
  const syncs = createSyncRunner({ core, emit });
  coreNews = (event) => emitEvent(emit, event);
  const handlers: RequestHandlers = {
    ...createRequestHandlers(core, {
      emit,
      syncs,
      openExternal: async (url) => void opened.push(url),
      saveFile: async (name, text, kind) => {
        saved.push({ name, text, kind });
        return join(dataDir, '..', name);
      },
      openTextFile: async () => filesToOpen.shift(),
      showInFolder: (path) => void shownInFolder.push(path),
      writeClipboard: (text) => void clipboard.push(text),
      chooseFolder: async () => foldersToChoose.shift(),
    }),
    'app:ready': async () => deliveries.ready(),
  };
  // The app's own dispatch (validation, handlers, errors as data); answers travel as JSON text.
  const answer = async (channel: string, args: unknown[]) => {
    requests.push({ channel: channel as RequestChannel, args });
    const late = options.slowChannels?.[channel as RequestChannel];
    if (late) await new Promise((done) => setTimeout(done, late));
    return JSON.stringify(await dispatch(handlers, channel, args));
  };
  await installPageBridge(context, REQUEST_CHANNELS);
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  live.bridge = await connectPageBridge(page, answer);
  live.page = page;
  live.contents = asContents(page, send);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);

  return {
    page,
    context,
    core,
    dataDir,
    server,
    opened,
    saved,
    filesToOpen,
    foldersToChoose,
    shownInFolder,
    clipboard,
    emit,
    openEmail: (payload) => deliveries.deliver('app:openEmail', payload),
    requests,
    events,
    pageErrors,
    close: async () => {
      syncs.cancel();
      await syncs.settled();
      await context.close();
      await server.close();
      await core.close();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}

/** The page as main's ready handshake sees a WebContents: a reload starts a new page. */
function asContents(page: Page, send: (event: string, payload: unknown) => void): PageContents {
  return {
    send,
    isDestroyed: () => page.isClosed(),
    once: (_event, listener) => {
      const onNavigated = (frame: Frame) => {
        if (frame !== page.mainFrame()) return;
        page.off('framenavigated', onNavigated);
        listener();
      };
      page.on('framenavigated', onNavigated);
    },
  };
}
