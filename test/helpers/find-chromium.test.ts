import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, type SearchPlace } from './find-chromium';
import { missingToolError, skipLine } from './needs-tool';

const root = mkdtempSync(join(tmpdir(), 'studyline-find-chromium-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** An executable that answers --version like a browser, or fails like a stale wrapper. */
function fakeBrowser(path: string, works = true): string {
  mkdirSync(join(path, '..'), { recursive: true });
  const body = works ? 'echo "Chromium 156.0.8078.114"' : 'echo "install the snap" >&2; exit 1';
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const freshDir = () => join(root, String(++count));
const place = (env: NodeJS.ProcessEnv): SearchPlace => ({
  env,
  platform: 'linux',
  home: join(root, 'no-home'),
});

describe.skipIf(process.platform === 'win32')('findChromium', () => {
  it('takes CHROMIUM_PATH when it runs', () => {
    const chosen = fakeBrowser(join(freshDir(), 'my-chrome'));
    expect(findChromium(place({ CHROMIUM_PATH: chosen }))).toEqual({ path: chosen });
  });

  it('reports a wrong CHROMIUM_PATH instead of quietly using another browser', () => {
    const onPath = freshDir();
    fakeBrowser(join(onPath, 'chromium'));
    const lookup = findChromium(place({ CHROMIUM_PATH: '/nonexistent', PATH: onPath }));
    expect(lookup).toEqual({ problem: 'CHROMIUM_PATH=/nonexistent is not an executable file' });
  });

  it('looks along the PATH and passes over a wrapper that does not run', () => {
    const first = freshDir();
    const second = freshDir();
    fakeBrowser(join(first, 'chromium-browser'), false);
    const chrome = fakeBrowser(join(second, 'google-chrome'));
    expect(findChromium(place({ PATH: `${first}:${second}` }))).toEqual({ path: chrome });
  });

  it("finds the newest browser in Playwright's cache", () => {
    const cache = freshDir();
    fakeBrowser(join(cache, 'chromium-1100', 'chrome-linux64', 'chrome'));
    const newest = fakeBrowser(join(cache, 'chromium-1200', 'chrome-linux64', 'chrome'));
    fakeBrowser(join(cache, 'firefox-1500', 'firefox', 'firefox'));
    expect(findChromium(place({ PLAYWRIGHT_BROWSERS_PATH: cache, PATH: '' }))).toEqual({
      path: newest,
    });
  });

  it('says where it looked when there is no browser at all', () => {
    const empty = freshDir();
    mkdirSync(empty);
    expect(findChromium(place({ PATH: empty, PLAYWRIGHT_BROWSERS_PATH: empty }))).toEqual({
      problem: 'no Chrome or Chromium found (CHROMIUM_PATH, PATH, Playwright cache)',
    });
  });
});

describe('what a newcomer and CI are told', () => {
  it('a skip is one line that says how to get a browser', () => {
    const line = skipLine('chromium', 'no Chrome or Chromium found');
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^Skipping the browser tests/);
    expect(line).toContain('apt-get install chromium');
    expect(line).toContain('CHROMIUM_PATH');
  });

  it('under STUDYLINE_REQUIRE_TOOLS the same lack is an error naming the variable', () => {
    expect(missingToolError('chromium', 'no Chrome or Chromium found').message).toMatch(
      /browser tests \(test\/e2e\) cannot run: no Chrome or Chromium found\. STUDYLINE_REQUIRE_TOOLS=1/,
    );
  });
});
