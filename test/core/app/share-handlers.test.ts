import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { dispatch, type RequestHandlers } from '../../../electron/core/app/dispatch';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { shareHandlers } from '../../../electron/core/app/share-handlers';
import { tempDir } from '../library/helpers';

let core: StudylineCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** The share requests over a real core; only the folder dialog is played (its answers in order). */
async function setup() {
  const root = await tempDir();
  const answers: (string | undefined)[] = [];
  const asked: (string | undefined)[] = [];
  core = await openStudyline({ dataDir: path.join(root, 'data'), owner: 'app' });
  const handlers = shareHandlers(core, {
    chooseFolder: async (current) => {
      asked.push(current);
      return answers.shift();
    },
  });
  const run = (channel: string, args: unknown[] = []) =>
    dispatch(handlers as unknown as RequestHandlers, channel, args);
  return { root, answers, asked, run };
}

describe('share requests', () => {
  it('turns sharing on with the folder chosen in the dialog, and off again', async () => {
    const { root, answers, asked, run } = await setup();
    const sync = path.join(root, 'Sync');
    await mkdir(sync);
    answers.push(undefined, sync);
    // Closing the dialog changes nothing.
    expect(await run('share:chooseFolder')).toEqual({ ok: true, value: null });
    expect(await run('share:status')).toMatchObject({ ok: true, value: { on: false } });
    expect(await run('share:chooseFolder')).toMatchObject({
      ok: true,
      value: { on: true, folder: sync, others: [] },
    });
    // The next dialog opens at the folder shared now.
    answers.push(undefined);
    await run('share:chooseFolder');
    expect(asked).toEqual([undefined, undefined, sync]);
    expect(await run('share:check')).toMatchObject({ ok: true, value: { on: true } });
    expect(await run('share:off')).toMatchObject({ ok: true, value: { on: false } });
  });

  it('answers the CLI’s own words for a folder that cannot be shared', async () => {
    const { root, run } = await setup();
    const missing = await run('share:set', [{ folder: path.join(root, 'Dropbox') }]);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `There is no folder ${path.join(root, 'Dropbox')}.` },
    });
    expect(missing.ok || missing.error.hint).toMatch(/Syncthing, Dropbox/);
    const inside = await run('share:set', [{ folder: path.join(root, 'data') }]);
    expect(inside).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(inside.ok || inside.error.message).toMatch(/overlaps Studyline's own data folder/);
  });
});
