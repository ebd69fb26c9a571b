import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { nodeFs, type DurableFs } from '../../../electron/core/library/durable-fs';
import { DEFAULT_SETTINGS, type ProgressFile } from '../../../electron/core/library/model';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { countingFs, diskFillingFs, fsError, openCountingFs, readOnlyFs, tempDir } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<StudylineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudylineError);
  return error as StudylineError;
}

/** A disk that can be made to fill up and then freed again. */
function switchableFs(): DurableFs & { full: boolean } {
  const full = diskFillingFs('ENOSPC');
  const fs = {
    ...nodeFs,
    full: false,
    open: (file: string, flags: string) => (fs.full ? full : nodeFs).open(file, flags),
  };
  return fs;
}

const progressFile = (dataDir: string) => path.join(dataDir, 'progress.json');
const done = (day: number) => ({
  openedAt: `2026-11-${day}T09:00:00.000Z`,
  doneAt: `2026-11-${day}T10:00:00.000Z`,
});

describe('ProgressStore', () => {
  it('starts empty with default settings and keeps every acknowledged change', async () => {
    const dataDir = await tempDir();
    const store = await ProgressStore.open(dataDir);
    expect(store.data).toMatchObject({
      courses: [],
      emails: {},
      notices: [],
      settings: DEFAULT_SETTINGS,
    });

    const result = await store.update((draft) => {
      draft.emails['e1'] = { doneAt: '2026-11-28T10:00:00.000Z' };
      return 'marked';
    });
    expect(result).toBe('marked');
    expect(store.data.emails['e1']?.doneAt).toBe('2026-11-28T10:00:00.000Z');

    const again = await ProgressStore.open(dataDir);
    expect(again.data.emails['e1']?.doneAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('writes updates made in the same turn once, and each caller gets its own result', async () => {
    const dataDir = await tempDir();
    const fs = countingFs();
    const store = await ProgressStore.open(dataDir, { fs });
    const results = await Promise.all(
      ['e1', 'e2', 'e3'].map((id) =>
        store.update((draft) => {
          draft.emails[id] = { starred: true };
          return Object.keys(draft.emails).length;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    expect(fs.writes()).toBe(1);
    const onDisk = JSON.parse(await readFile(progressFile(dataDir), 'utf8')) as ProgressFile;
    expect(Object.keys(onDisk.emails)).toEqual(['e1', 'e2', 'e3']);
  });

  it('drops an update that throws, without touching the others', async () => {
    const store = await ProgressStore.open(await tempDir());
    const good = store.update((draft) => void (draft.emails['e1'] = { note: 'kept' }));
    const bad = store.update((draft) => {
      draft.emails['e2'] = { note: 'half-done' };
      throw new Error('no such email');
    });
    await expect(bad).rejects.toThrow('no such email');
    await good;
    expect(Object.keys(store.data.emails)).toEqual(['e1']);
  });

  it('keeps the saved state when the disk is full, and writes again once it has room', async () => {
    const dataDir = await tempDir();
    const fs = switchableFs();
    const store = await ProgressStore.open(dataDir, { fs });
    await store.update((draft) => void (draft.emails['e1'] = { note: 'saved' }));
    const saved = await readFile(progressFile(dataDir), 'utf8');

    fs.full = true;
    const error = await rejection(
      store.update((draft) => void (draft.emails['e2'] = { note: 'lost' })),
    );
    expect(error.fullMessage).toBe(
      'The disk is full, so your progress could not be saved. ' +
        'Free some space and try again; what was saved before is unchanged.',
    );
    expect(Object.keys(store.data.emails)).toEqual(['e1']);
    expect(await readFile(progressFile(dataDir), 'utf8')).toBe(saved);

    fs.full = false;
    await store.update((draft) => void (draft.emails['e3'] = { note: 'later' }));
    const reopened = await ProgressStore.open(dataDir);
    expect(Object.keys(reopened.data.emails)).toEqual(['e1', 'e3']);
  });

  it('restores a damaged progress file from its last good copy and says so', async () => {
    const dataDir = await tempDir();
    const store = await ProgressStore.open(dataDir);
    await store.update((draft) => void (draft.emails['e1'] = { note: 'first' }));
    await store.update((draft) => void (draft.emails['e2'] = { note: 'second' }));
    await writeFile(progressFile(dataDir), '');

    const notices: string[] = [];
    const reopened = await ProgressStore.open(dataDir, { onNotice: (m) => notices.push(m) });
    expect(Object.keys(reopened.data.emails)).toEqual(['e1']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^The file holding your progress was damaged; Studyline restored the last good copy from \d{1,2} \w{3} \d{4} \d\d:\d\d\.$/,
    );
  });

  it('refuses a damaged progress file with no good copy instead of starting over silently', async () => {
    const dataDir = await tempDir();
    await writeFile(progressFile(dataDir), '{"schemaVersion":1,"courses":[{"id":"py');
    const error = await rejection(ProgressStore.open(dataDir));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe(
      'The file holding your progress is damaged and there is no good copy to restore it from.',
    );
  });

  it('refuses progress written by a newer Studyline and leaves it untouched', async () => {
    const dataDir = await tempDir();
    const newer = '{"schemaVersion":2,"courses":[],"emails":{},"plans":{}}';
    await writeFile(progressFile(dataDir), newer);
    expect((await rejection(ProgressStore.open(dataDir))).code).toBe('newer-version');
    expect(await readFile(progressFile(dataDir), 'utf8')).toBe(newer);
  });

  it('fills settings missing from an older or hand-edited file with defaults', async () => {
    const dataDir = await tempDir();
    await writeFile(
      progressFile(dataDir),
      '{"schemaVersion":1,"courses":[],"emails":{},"settings":{"theme":"dark"}}',
    );
    const store = await ProgressStore.open(dataDir);
    expect(store.data.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(store.data.notices).toEqual([]);
  });

  it('records an email state without rewriting progress.json, and reads it back after reopening', async () => {
    const dataDir = await tempDir();
    const fs = countingFs();
    const store = await ProgressStore.open(dataDir, { fs });
    await store.update((draft) => void (draft.settings.theme = 'dark'));
    const snapshot = await readFile(progressFile(dataDir), 'utf8');

    const marking = store.setEmailState('e1', done(20));
    expect(store.data.emails['e1']?.doneAt).toBe('2026-11-20T10:00:00.000Z');
    expect(await marking).toEqual(done(20));
    await store.setEmailState('e2', { starred: true });
    await store.setEmailState('e2', undefined);

    expect(fs.writes()).toBe(1);
    expect(await readFile(progressFile(dataDir), 'utf8')).toBe(snapshot);
    const reopened = await ProgressStore.open(dataDir);
    expect(reopened.data.emails).toEqual({ e1: done(20) });
    expect(reopened.data.settings.theme).toBe('dark');
  });

  it('shares one append between the changes of a turn, each one seeing the last', async () => {
    const dataDir = await tempDir();
    const fs = openCountingFs('.journal');
    const store = await ProgressStore.open(dataDir, { fs });
    const first = store.setEmailState('e1', { starred: true });
    const second = store.setEmailState('e1', { ...store.data.emails['e1'], note: 'redo ex. 3' });
    await Promise.all([first, second, store.setEmailState('e2', done(21))]);
    expect(fs.opens()).toBe(1);
    const reopened = await ProgressStore.open(dataDir);
    expect(reopened.data.emails).toEqual({
      e1: { starred: true, note: 'redo ex. 3' },
      e2: done(21),
    });
  });

  it('tells each change as it is made, before it is written, with what it replaced', async () => {
    const store = await ProgressStore.open(await tempDir());
    const told: string[] = [];
    store.onChanged((change) => {
      if (change.emailId !== undefined)
        told.push(`${change.emailId}: ${change.before?.note} -> ${change.after?.note}`);
      else told.push(`theme: ${change.before.settings.theme} -> ${change.after.settings.theme}`);
    });
    const written: Array<readonly string[] | undefined> = [];
    store.onWritten((ids) => written.push(ids));
    await store.setEmailState('e1', { note: 'first' });
    const note = store.setEmailState('e1', { note: 'second' });
    expect(told).toEqual(['e1: undefined -> first', 'e1: first -> second']);
    expect(written).toEqual([['e1']]);
    await note;
    await store.update((draft) => void (draft.settings.theme = 'dark'));
    expect(told.at(-1)).toBe('theme: system -> dark');
    expect(written).toEqual([['e1'], ['e1'], undefined]);
  });

  it('saves every change even when a listener of changes throws, and still tells the others', async () => {
    const dataDir = await tempDir();
    const store = await ProgressStore.open(dataDir);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    store.onChanged(() => {
      throw new Error('a broken listener');
    });
    store.onWritten(() => {
      throw new Error('another broken listener');
    });
    const told: Array<readonly string[] | undefined> = [];
    store.onWritten((ids) => told.push(ids));
    await store.setEmailState('e1', { note: 'kept' });
    await store.update((draft) => void (draft.settings.theme = 'dark'));
    expect(told).toEqual([['e1'], undefined]);
    expect(quiet).toHaveBeenCalledTimes(4);
    quiet.mockRestore();
    const reopened = await ProgressStore.open(dataDir);
    expect(reopened.data.emails['e1']).toEqual({ note: 'kept' });
    expect(reopened.data.settings.theme).toBe('dark');
  });

  it('never brings back an email state that a later update removed', async () => {
    const dataDir = await tempDir();
    const store = await ProgressStore.open(dataDir);
    await store.setEmailState('e1', done(20));
    await store.setEmailState('e2', done(21));
    await store.update((draft) => void delete draft.emails['e1']);
    expect(Object.keys((await ProgressStore.open(dataDir)).data.emails)).toEqual(['e2']);
    await store.setEmailState('e3', done(22));
    const reopened = await ProgressStore.open(dataDir);
    expect(Object.keys(reopened.data.emails).sort()).toEqual(['e2', 'e3']);
  });

  it('folds the journal into progress.json as it passes its limit, and on flush', async () => {
    const dataDir = await tempDir();
    const fs = countingFs();
    const store = await ProgressStore.open(dataDir, {
      fs,
      journalLimits: { bytes: 1 << 20, lines: 5 },
    });
    for (let day = 1; day <= 28; day++) await store.setEmailState(`e${day}`, done(day));
    // One snapshot per four changes (the journal's first line names its snapshot).
    expect(fs.writes()).toBeGreaterThanOrEqual(6);
    await store.setEmailState('e29', done(29));
    await store.flush();
    const onDisk = JSON.parse(await readFile(progressFile(dataDir), 'utf8')) as ProgressFile;
    expect(Object.keys(onDisk.emails)).toHaveLength(29);
    const reopened = await ProgressStore.open(dataDir);
    expect(Object.keys(reopened.data.emails)).toHaveLength(29);
  });

  it('undoes an email state the full disk could not take, and records again once it has room', async () => {
    const dataDir = await tempDir();
    const fs = switchableFs();
    const store = await ProgressStore.open(dataDir, { fs });
    await store.setEmailState('e1', { note: 'saved' });

    fs.full = true;
    const error = await rejection(store.setEmailState('e1', { note: 'lost' }));
    expect(error.fullMessage).toBe(
      'The disk is full, so your progress could not be saved. ' +
        'Free some space and try again; what was saved before is unchanged.',
    );
    expect(store.data.emails).toEqual({ e1: { note: 'saved' } });
    expect((await ProgressStore.open(dataDir)).data.emails).toEqual({ e1: { note: 'saved' } });

    fs.full = false;
    await store.setEmailState('e2', { note: 'later' });
    const notices: string[] = [];
    const reopened = await ProgressStore.open(dataDir, { onNotice: (m) => notices.push(m) });
    expect(reopened.data.emails).toEqual({ e1: { note: 'saved' }, e2: { note: 'later' } });
    expect(notices).toEqual([]);
  });

  it('says a read-only folder cannot take an email state, and keeps what is saved', async () => {
    const dataDir = await tempDir();
    await (await ProgressStore.open(dataDir)).setEmailState('e1', { starred: true });
    const store = await ProgressStore.open(dataDir, { fs: readOnlyFs() });
    const error = await rejection(store.setEmailState('e1', undefined));
    expect(error.message).toBe('The disk is read-only, so your progress could not be saved.');
    expect(store.data.emails).toEqual({ e1: { starred: true } });
  });

  it('undoes the email states an update was written with when that write fails', async () => {
    const dataDir = await tempDir();
    const fs = switchableFs();
    const store = await ProgressStore.open(dataDir, { fs });
    fs.full = true;
    const marked = store.setEmailState('e1', done(20));
    const updated = store.update((draft) => void (draft.settings.theme = 'dark'));
    await rejection(updated);
    await rejection(marked);
    expect(store.data.emails).toEqual({});
    expect(store.data.settings.theme).toBe('system');
  });

  it('refuses to change an email state in place, so an update that throws leaves no trace', async () => {
    const store = await ProgressStore.open(await tempDir());
    await store.setEmailState('e1', { note: 'first' });
    const sneaky = store.update((draft) => {
      draft.emails['e1']!.note = 'changed in place';
    });
    await expect(sneaky).rejects.toThrow(TypeError);
    expect(store.data.emails['e1']?.note).toBe('first');
  });

  it('keeps recording email states while folding the journal fails', async () => {
    const dataDir = await tempDir();
    const fs: DurableFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (to === progressFile(dataDir)) throw fsError('ENOSPC');
        return nodeFs.rename(from, to);
      },
    };
    const store = await ProgressStore.open(dataDir, {
      fs,
      journalLimits: { bytes: 1 << 20, lines: 3 },
    });
    for (let day = 1; day <= 12; day++) await store.setEmailState(`e${day}`, done(day));
    await store.flush();
    const reopened = await ProgressStore.open(dataDir);
    expect(Object.keys(reopened.data.emails)).toHaveLength(12);
  });
});
