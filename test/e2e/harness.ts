import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { openStudyline } from '../../electron/core/app/open-studyline';
import { createRequestHandlers } from '../../electron/core/app/request-handlers';
import type { RequestHandlers } from '../../electron/core/app/request-handlers';
import { describeError } from '../../electron/core/errors';
import { REQUEST_CHANNELS, requestArgs } from '../../electron/shared/contract';
import type { Events, RequestChannel } from '../../electron/shared/contract';
import { ASSET_PREFIX, startAppServer } from './app-server';
import type { AppServer } from './app-server';
import { ensureRendererBuilt } from './build-renderer';
import { findChromium } from '../helpers/find-chromium';

function browserOrExplain(): string {
  const found = findChromium();
  if (found.path) return found.path;
  throw new Error(
    `No browser to run the window in: ${found.problem}. Install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

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
  /** Pushes an event to the page as main does (a clicked reminder, a change made by the CLI). */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  /** Errors thrown in the page (uncaught), for tests that must stay clean. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Runs the built renderer in Chromium with window.studyline bound to a real
 * core over a temp data folder, the way preload binds it in the app: every
 * request goes through the same handlers main registers, with the same
 * argument checks, and errors arrive as the learner's sentence.
 */
export async function openApp(browser: Browser, options: OpenAppOptions): Promise<AppSession> {
  const rendererDir = await ensureRendererBuilt();
  const ownDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'studyline-e2e-'));
  const dataDir = options.dataDir ?? ownDir!;
  const core = await openStudyline({
    dataDir,
    owner: 'cli',
    timeoutMs: 5_000,
    catalogPath: options.catalogPath,
    assetUrl: (file) => ASSET_PREFIX + file.split('/').map(encodeURIComponent).join('/'),
    now: options.now,
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
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) => {
    for (const page of context.pages()) {
      const push = ([name, data]: readonly [string, unknown]) =>
        (window as unknown as BridgeWindow).__studylineEmit?.(name, data);
      // A page that is closing cannot receive the event; nothing to do about it.
      page.evaluate(push, [event, payload] as const).catch(() => {});
    }
  };
  const saved: AppSession['saved'] = [];
  const filesToOpen: string[] = [];
  // The OS dialogs are the only part played here: the learner's choice is scripted.
  const handlers = createRequestHandlers(core, {
    emit,
    openExternal: async (url) => void opened.push(url),
    saveFile: async (name, text, kind) => {
      saved.push({ name, text, kind });
      return join(dataDir, '..', name);
    },
    openTextFile: async () => filesToOpen.shift(),
  });
  // Answers travel as JSON text: Playwright's own value serializer takes ~250 ms
  // for a 1,000-email list, a cost Electron's structured clone does not have.
  await context.exposeBinding(
    '__studylineInvoke',
    async (_source, channel: string, args: unknown[]) =>
      JSON.stringify((await invoke(handlers, channel, args)) ?? null),
  );
  await context.addInitScript(installBridge, REQUEST_CHANNELS);
  await options.beforeLoad?.(context);
  const page = await context.newPage();
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
    emit,
    pageErrors,
    close: async () => {
      await context.close();
      await server.close();
      await core.close();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}

/** Main's IPC layer in miniature: known channel, valid arguments, learner-readable errors. */
async function invoke(
  handlers: RequestHandlers,
  channel: string,
  args: unknown[],
): Promise<unknown> {
  if (!REQUEST_CHANNELS.includes(channel as RequestChannel))
    throw new Error(`Unknown request "${channel}".`);
  const name = channel as RequestChannel;
  const parsed = requestArgs[name].safeParse(args);
  if (!parsed.success) throw new Error(`Studyline refused a malformed "${name}" request.`);
  try {
    const handler = handlers[name] as (...a: unknown[]) => Promise<unknown>;
    return await handler(...(parsed.data as unknown[]));
  } catch (error) {
    throw new Error(describeError(error));
  }
}

/** What the harness adds to the page's window (tests only; preload adds none of it). */
interface BridgeWindow {
  __studylineInvoke(channel: string, args: unknown[]): Promise<string>;
  __studylineEmit?: (event: string, payload: unknown) => void;
}

/** Runs in the page before its scripts: what preload exposes, built on the binding. */
function installBridge(channels: readonly string[]): void {
  const bridge = window as unknown as BridgeWindow;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[channel] = async (...args: unknown[]) =>
      JSON.parse(await bridge.__studylineInvoke(channel, args)) as unknown;
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  };
  bridge.__studylineEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  Object.defineProperty(window, 'studyline', { value: Object.freeze(api), enumerable: true });
}
