import { chromium as playwrightChromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './harness';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

/** The features a browser runs with disabled, as chrome://version reports them. */
async function disabledFeatures(browser: Browser): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://version');
    const html = await page.content();
    // The command line's feature switches, as Chromium merged them: base64 JSON in the page.
    for (const encoded of html.match(/eyJ[A-Za-z0-9+/=]+/g) ?? []) {
      const decoded = Buffer.from(encoded, 'base64').toString();
      const parsed = JSON.parse(decoded) as { 'disable-features'?: string };
      if (parsed['disable-features']) return parsed['disable-features'].split(',');
    }
    throw new Error('chrome://version shows no disabled features');
  } finally {
    await page.close();
  }
}

let ours: Browser | undefined;
let plain: Browser | undefined;

beforeAll(async () => {
  if (!chromium) return;
  ours = await launchBrowser(chromium);
  plain = await playwrightChromium.launch({ executablePath: chromium });
});

afterAll(async () => {
  await ours?.close();
  await plain?.close();
});

describe.skipIf(!chromium)('the browser the window is tested in', () => {
  test("keeps every feature Playwright disables off, and Chromium's address-bar pop-up too", async () => {
    const playwrights = await disabledFeatures(plain!);
    const harness = await disabledFeatures(ours!);
    expect(playwrights).toContain('HttpsUpgrades');
    expect(harness).toEqual(expect.arrayContaining(playwrights));
    expect(harness).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
  });
});
