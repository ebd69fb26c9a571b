import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from './build-renderer';
import { openApp, type OpenAppOptions } from './harness';

/**
 * An email's responses opened under it, light at 1280×800 and dark at
 * 800×600 (part of `npm run screenshots`).
 */
const OUT = join(ROOT, 'resources/screenshots');

export async function responsesScreenshots(
  browser: Browser,
  catalogPath: string,
  dataDir: string,
): Promise<void> {
  const shots: Array<[string, Partial<OpenAppOptions>]> = [
    ['responses', { viewport: { width: 1280, height: 800 } }],
    ['responses-dark-small', { viewport: { width: 800, height: 600 }, colorScheme: 'dark' }],
  ];
  for (const [name, options] of shots) {
    const app = await openApp(browser, { catalogPath, dataDir, ...options });
    try {
      const { page } = app;
      await page.getByRole('option', { name: /Check-in: how is your study group going/ }).click();
      const summary = page.locator('.email-responses > summary');
      await summary.click();
      await page.getByText(/post your plan for the week/).waitFor();
      // The responses in view, as a learner sees them after opening the list.
      // Only the reading pane scrolls: the list and the header stay where they were.
      await summary.evaluate((element) => {
        const pane = element.closest('.pane-reader');
        if (!pane) return;
        const offset = element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
        pane.scrollTop += offset - 16;
      });
      await page.mouse.move(5, 5);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      if (app.pageErrors.length) throw new Error(`${name}: ${app.pageErrors.join('; ')}`);
      process.stdout.write(`resources/screenshots/${name}.png\n`);
    } finally {
      await app.close();
    }
  }
}
