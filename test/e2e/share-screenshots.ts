import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { ProgressStore } from '../../electron/core/library/progress-store';
import { ShareSession } from '../../electron/core/share/share-session';
import { ROOT } from './build-renderer';
import { openApp, type OpenAppOptions } from './harness';

/**
 * Settings → "Keep my progress in step across computers" with two other
 * computers in the folder, at 1280×800 and 800×600, light and dark, and with
 * the folder gone (part of `npm run screenshots`). Works on its own copy of the demo library, so the
 * mark the laptop brings does not change the other screens.
 */
const OUT = join(ROOT, 'resources/screenshots');
const MINUTE = 60_000;

/** Another computer of the learner: its own data folder, sharing `folder`, its clock `agoMs` behind. */
async function otherComputer(
  root: string,
  name: string,
  folder: string,
  agoMs: number,
  emailId: string,
): Promise<void> {
  const dataDir = join(root, name);
  const progress = await ProgressStore.open(dataDir);
  const now = () => new Date(Date.now() - agoMs);
  const share = await ShareSession.open({ dataDir, progress, now, host: name });
  await share.start(folder);
  const at = now().toISOString();
  await progress.setEmailState(emailId, { openedAt: at, doneAt: at });
  await share.syncNow();
  await share.close();
  await progress.flush();
}

async function shoot(
  browser: Browser,
  name: string,
  options: OpenAppOptions,
  line: RegExp,
): Promise<void> {
  const viewport = options.viewport!;
  const app = await openApp(browser, { ...options, computerName: 'desktop' });
  try {
    const { page } = app;
    await page.getByRole('listbox').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', {
      name: 'Keep my progress in step across computers',
    });
    await section.getByText(line).waitFor();
    // The section in view as a learner finds it, its heading just under the dialog's title.
    await section.evaluate((element) => {
      const dialog = element.closest<HTMLElement>('.dialog');
      const header = dialog?.querySelector<HTMLElement>('.dialog-header');
      if (!dialog) return;
      const offset = element.getBoundingClientRect().top - dialog.getBoundingClientRect().top;
      dialog.scrollTop += offset - (header?.offsetHeight ?? 0) - 12;
    });
    await page.mouse.move(viewport.width - 2, viewport.height - 2);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    if (app.pageErrors.length) throw new Error(`${name}: ${app.pageErrors.join('; ')}`);
    process.stdout.write(`resources/screenshots/${name}.png\n`);
  } finally {
    await app.close();
  }
}

export async function shareScreenshots(
  browser: Browser,
  catalogPath: string,
  demoDataDir: string,
  workDir: string,
): Promise<void> {
  const dataDir = join(workDir, 'share-library');
  await cp(demoDataDir, dataDir, { recursive: true });
  const folder = join(workDir, 'Sync', 'Studyline');
  await mkdir(folder, { recursive: true });
  const prepare = async (core: StudylineCore) => {
    if (core.shareStatus().on) return;
    const [course] = await core.courses();
    const emails = await core.emails(course!.id);
    const open = emails.filter((email) => !email.done);
    await otherComputer(workDir, 'study-pc', folder, 2 * 24 * 60 * MINUTE, open[1]!.id);
    await otherComputer(workDir, 'laptop', folder, 3 * MINUTE, open[0]!.id);
    await core.shareStart(folder);
  };
  for (const width of [1280, 800]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const viewport = { width, height: width === 1280 ? 800 : 600 };
      const name = `sharing-${viewport.width}x${viewport.height}-${colorScheme}`;
      const options = { catalogPath, dataDir, viewport, colorScheme, prepare };
      await shoot(browser, name, options, /^In step with 2 other computers/);
    }
  }
  // The folder's drive unplugged: the problem in words, beside the buttons.
  await rm(folder, { recursive: true, force: true });
  const options = { catalogPath, dataDir, viewport: { width: 1280, height: 800 } };
  await shoot(browser, 'sharing-problem', options, /^Not in step/);
}
