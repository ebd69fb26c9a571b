import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import type { InlineConfig, ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import config from '../../electron.vite.config';
import { ensureRendererBuilt } from './build-renderer';
import { launchBrowser } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

const STRICT =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' studyline-asset:;";

let browser: Browser;
let server: ViteDevServer;
let cacheDir: string;

beforeAll(async () => {
  const renderer = (config as { renderer?: unknown }).renderer as InlineConfig;
  cacheDir = await mkdtemp(join(tmpdir(), 'studyline-e2e-vite-dev-'));
  server = await createServer({
    ...renderer,
    configFile: false,
    logLevel: 'error',
    mode: 'development',
    // Its own dependency cache: node_modules/.vite belongs to the learner's `npm run dev`.
    cacheDir,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: { host: '127.0.0.1' } },
  });
  await server.listen();
  browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

test.skipIf(!chromium)(
  'npm run dev: the page runs under the dev server without a single CSP violation',
  async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { __cspViolation(text: string): void }).__cspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
    await page.goto(server.resolvedUrls!.local[0]!);
    // No bridge outside Electron: the app's own error state proves React ran and styled the page.
    await page.getByText('Your library could not be opened').waitFor({ timeout: 20_000 });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(violations).toEqual([]);
    await page.close();
  },
);

test.skipIf(!chromium)(
  'the shipped page keeps the strict policy, and its script is minified',
  async () => {
    const out = await ensureRendererBuilt();
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain(STRICT);
    expect(html).not.toContain('unsafe-inline');
    const [script] = (await readdir(join(out, 'assets'))).filter((file) => file.endsWith('.js'));
    const js = await readFile(join(out, 'assets', script!), 'utf8');
    // Hundreds of kilobytes on a handful of lines, and no comment left in it.
    expect(js.split('\n').length).toBeLessThan(20);
    expect(js).not.toContain('Building an Intl formatter costs');
  },
);
