import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where a browser for the tests was found, or in words why none was. */
export type ToolLookup =
  { path: string; problem?: undefined } | { path?: undefined; problem: string };

export interface SearchPlace {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

const HERE: SearchPlace = { env: process.env, platform: process.platform, home: homedir() };

/** Names Chromium and Chrome go by on the PATH (Debian, Ubuntu, Fedora, Google's packages). */
const COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

/** Inside Playwright's cache (`chromium-<revision>/…`), current and older layouts. */
const PLAYWRIGHT_LAYOUTS: Record<string, string[][]> = {
  linux: [
    ['chrome-linux64', 'chrome'],
    ['chrome-linux-arm64', 'chrome'],
    ['chrome-linux', 'chrome'],
    ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
    ['chrome-linux', 'headless_shell'],
  ],
  darwin: ['chrome-mac-arm64', 'chrome-mac-x64'].map((dir) => [
    dir,
    'Google Chrome for Testing.app',
    'Contents',
    'MacOS',
    'Google Chrome for Testing',
  ]),
  win32: [
    ['chrome-win64', 'chrome.exe'],
    ['chrome-win', 'chrome.exe'],
  ],
};

/**
 * A Chrome or Chromium the browser tests can drive, looked for the way a newcomer
 * would expect: CHROMIUM_PATH (when set, it is the only choice: a wrong value is
 * reported, not silently replaced), then the PATH, then the usual install folders,
 * then Playwright's browser cache. A candidate must answer `--version`, so a
 * leftover wrapper script (Ubuntu's snap stub) does not count as a browser.
 */
export function findChromium(place: SearchPlace = HERE): ToolLookup {
  const chosen = place.env.CHROMIUM_PATH;
  if (chosen) {
    const problem = whyNotRunnable(chosen, place.platform);
    return problem ? { problem: `CHROMIUM_PATH=${chosen} ${problem}` } : { path: chosen };
  }
  for (const candidate of candidates(place)) {
    if (!whyNotRunnable(candidate, place.platform)) return { path: candidate };
  }
  return { problem: 'no Chrome or Chromium found (CHROMIUM_PATH, PATH, Playwright cache)' };
}

function* candidates(place: SearchPlace): Generator<string> {
  const exe = place.platform === 'win32' ? '.exe' : '';
  for (const dir of (place.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of COMMANDS) yield join(dir, name + exe);
  }
  yield* installedApps(place);
  yield* playwrightCache(place);
}

function installedApps({ platform, env }: SearchPlace): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA];
    return roots
      .filter((root): root is string => !!root)
      .map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [];
}

/** Newest revision first; Playwright keeps one folder per browser build it downloaded. */
function* playwrightCache(place: SearchPlace): Generator<string> {
  const root = playwrightCacheRoot(place);
  let folders: string[];
  try {
    folders = readdirSync(root).filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name));
  } catch {
    return;
  }
  const revision = (name: string) => Number(name.slice(name.lastIndexOf('-') + 1));
  folders.sort((a, b) => revision(b) - revision(a));
  const layouts = PLAYWRIGHT_LAYOUTS[place.platform] ?? [];
  for (const folder of folders) {
    for (const layout of layouts) yield join(root, folder, ...layout);
  }
}

function playwrightCacheRoot({ env, platform, home }: SearchPlace): string {
  const own = env.PLAYWRIGHT_BROWSERS_PATH;
  if (own && own !== '0') return own;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright');
  }
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'ms-playwright');
}

const probed = new Map<string, string | undefined>();

/** Undefined when `file` runs; otherwise what is wrong with it, in words. */
function whyNotRunnable(file: string, platform: NodeJS.Platform): string | undefined {
  if (probed.has(file)) return probed.get(file);
  const problem = probe(file, platform);
  probed.set(file, problem);
  return problem;
}

function probe(file: string, platform: NodeJS.Platform): string | undefined {
  try {
    accessSync(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
  } catch {
    return 'is not an executable file';
  }
  // chrome.exe --version opens a window instead of answering: existence must do there.
  if (platform === 'win32') return undefined;
  const run = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (run.status === 0 && /\d+\.\d+/.test(run.stdout)) return undefined;
  const said = `${run.stderr ?? ''}`.trim().split('\n')[0] ?? '';
  return `does not run (${run.error?.message ?? (said || `exit status ${run.status}`)})`;
}
