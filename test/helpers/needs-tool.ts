import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { inject } from 'vitest';
import { findChromium, type ToolLookup } from './find-chromium';

/** Syncthing on the PATH (or SYNCTHING_PATH), answering --version. */
function findSyncthing(env: NodeJS.ProcessEnv): ToolLookup {
  const binary = env.SYNCTHING_PATH || 'syncthing';
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', env });
  if (run.status === 0 && /^syncthing v/.test(run.stdout)) return { path: binary };
  return {
    problem: env.SYNCTHING_PATH
      ? `SYNCTHING_PATH (${env.SYNCTHING_PATH}) does not run Syncthing`
      : 'syncthing is not installed',
  };
}

/**
 * Some tests need a program the project cannot install through npm (a browser, and
 * later Syncthing). On a newcomer's machine they are skipped with one line saying how
 * to get the program; CI sets STUDYLINE_REQUIRE_TOOLS=1, and then a missing program
 * fails the run instead, so CI can never skip them silently.
 *
 * To add a tool: an entry in TOOLS (how to find it, how to get it); in the test file,
 * `const path = toolPath('id')` and `describe.skipIf(!path)(…)`. The lookup runs once
 * per run, in test/global-setup.ts, which prints the skip line.
 *
 * Not a tool in this sense: Electron's own binary. Our build machines cannot download
 * it (TOOLCHAIN.md), so test/e2e/electron-smoke.test.ts skips wherever it is absent,
 * CI included, and says so on its own line.
 */
export const REQUIRE_TOOLS = 'STUDYLINE_REQUIRE_TOOLS';

export interface Tool {
  /** Which tests need it, as the skip line names them. */
  tests: string;
  find: (env: NodeJS.ProcessEnv) => ToolLookup;
  howToGet: string;
}

export const TOOLS = {
  chromium: {
    tests: 'browser tests (test/e2e)',
    find: (env) => findChromium({ env, platform: process.platform, home: homedir() }),
    howToGet: 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH',
  },
  syncthing: {
    tests: 'tests of shared progress through a real Syncthing (test/core/share/syncthing.test.ts)',
    find: findSyncthing,
    howToGet: 'install Syncthing (Debian/Ubuntu: apt-get install syncthing) or set SYNCTHING_PATH',
  },
} satisfies Record<string, Tool>;

export type ToolId = keyof typeof TOOLS;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of each tool the global setup found; absent when it was not found. */
    tools: Partial<Record<ToolId, string>>;
  }
}

/** In a test file: the tool's path, or undefined when its tests are to be skipped. */
export function toolPath(id: ToolId): string | undefined {
  return inject('tools')[id];
}

/** The one line printed when a tool's tests are skipped. */
export function skipLine(id: ToolId, problem: string): string {
  const tool: Tool = TOOLS[id];
  return `Skipping the ${tool.tests}: ${problem}. To run them, ${tool.howToGet}.`;
}

/** The error that ends the run when CI requires the tools and one is missing. */
export function missingToolError(id: ToolId, problem: string): Error {
  const tool: Tool = TOOLS[id];
  return new Error(
    `The ${tool.tests} cannot run: ${problem}. ${REQUIRE_TOOLS}=1 forbids skipping them; ${tool.howToGet}.`,
  );
}
