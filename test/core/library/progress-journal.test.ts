import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { parseJournal } from '../../../electron/core/library/progress-journal';
import { ProgressStore } from '../../../electron/core/library/progress-store';
import { listNames, tempDir } from './helpers';

const journalFile = (dataDir: string) => path.join(dataDir, 'progress.journal');

async function openWithNotices(
  dataDir: string,
): Promise<{ store: ProgressStore; notices: string[] }> {
  const notices: string[] = [];
  const store = await ProgressStore.open(dataDir, { onNotice: (m) => notices.push(m) });
  return { store, notices };
}

/** A data folder whose journal holds e1..e3 after a snapshot. */
async function journalOfThree(): Promise<string> {
  const dataDir = await tempDir();
  const store = await ProgressStore.open(dataDir);
  await store.update((draft) => void (draft.settings.theme = 'dark'));
  for (const id of ['e1', 'e2', 'e3']) await store.setEmailState(id, { note: `note ${id}` });
  return dataDir;
}

describe('parseJournal', () => {
  it('reads the entries after the header and ignores an append cut short', () => {
    const text = '{"v":1,"g":3}\n{"e":"a","s":{"starred":true}}\n{"e":"b"}\n{"e":"c","s":{"no';
    const parsed = parseJournal(text, 'progress.journal');
    expect(parsed.generation).toBe(3);
    expect(parsed.entries).toEqual([{ e: 'a', s: { starred: true } }, { e: 'b' }]);
    expect(parsed).toMatchObject({ damaged: 0, torn: true, lines: 3 });
  });

  it('tells damage in the middle from a bad last line', () => {
    const middle = parseJournal('{"v":1,"g":1}\n{"e":"a"}\n\u0000\u0000\n{"e":"b"}\n', 'j');
    expect(middle.entries).toEqual([{ e: 'a' }, { e: 'b' }]);
    expect(middle.damaged).toBe(1);
    const last = parseJournal('{"v":1,"g":1}\n{"e":"a"}\n{"x":1}\n', 'j');
    expect(last.entries).toEqual([{ e: 'a' }]);
    expect(last).toMatchObject({ damaged: 0, torn: true });
  });

  it('refuses a journal written by a newer Studyline', () => {
    expect(() => parseJournal('{"v":2,"g":1}\n', 'j')).toThrow(StudylineError);
  });
});

describe('progress journal on reopening', () => {
  it('ignores a change cut short by a crash, and records the next one safely after it', async () => {
    const dataDir = await journalOfThree();
    await appendFile(journalFile(dataDir), '{"e":"e4","s":{"no');

    const { store, notices } = await openWithNotices(dataDir);
    expect(Object.keys(store.data.emails)).toEqual(['e1', 'e2', 'e3']);
    await store.setEmailState('e5', { starred: true });

    const again = await openWithNotices(dataDir);
    expect(Object.keys(again.store.data.emails)).toEqual(['e1', 'e2', 'e3', 'e5']);
    expect(again.store.data.settings.theme).toBe('dark');
    expect([...notices, ...again.notices]).toEqual([]);
    expect((await listNames(dataDir)).filter((n) => n.includes('.corrupt-'))).toEqual([]);
  });

  it('replays what it can read around a damaged line, says so and keeps a copy', async () => {
    const dataDir = await journalOfThree();
    const lines = (await readFile(journalFile(dataDir), 'utf8')).split('\n');
    lines.splice(2, 1, 'garbage');
    const damaged = lines.join('\n');
    await writeFile(journalFile(dataDir), damaged);

    const { store, notices } = await openWithNotices(dataDir);
    expect(Object.keys(store.data.emails)).toEqual(['e1', 'e3']);
    expect(notices).toHaveLength(1);
    const keptAs = /kept as (.+)\.$/.exec(notices[0]!)?.[1];
    expect(notices[0]).toBe(
      'One recent change to your progress could not be read back; Studyline kept everything else. ' +
        `A copy of the damaged file was kept as ${keptAs}.`,
    );
    expect(await readFile(keptAs!, 'utf8')).toBe(damaged);

    await store.setEmailState('e4', { starred: true });
    const again = await openWithNotices(dataDir);
    expect(Object.keys(again.store.data.emails)).toEqual(['e1', 'e3', 'e4']);
    expect(again.notices).toEqual([]);
  });

  it('replays the journal on the last good copy when progress.json was damaged', async () => {
    const dataDir = await tempDir();
    const store = await ProgressStore.open(dataDir);
    await store.update((draft) => void (draft.settings.theme = 'dark'));
    await store.update((draft) => void (draft.settings.syncEveryHours = 8));
    await store.setEmailState('e1', { starred: true });
    await writeFile(path.join(dataDir, 'progress.json'), '{"schemaVersion":1,"cour');

    const { store: restored, notices } = await openWithNotices(dataDir);
    expect(notices).toHaveLength(1);
    expect(restored.data.settings.theme).toBe('dark');
    expect(restored.data.emails).toEqual({ e1: { starred: true } });
    await restored.update((draft) => {
      draft.settings.syncEveryHours = 2;
      delete draft.emails['e1'];
    });

    const again = await openWithNotices(dataDir);
    expect(again.store.data.emails).toEqual({});
    expect(again.store.data.settings.syncEveryHours).toBe(2);
    await again.store.setEmailState('e2', { note: 'after the restore' });
    expect((await openWithNotices(dataDir)).store.data.emails).toEqual({
      e2: { note: 'after the restore' },
    });
  });

  it('refuses progress whose journal a newer Studyline wrote, and leaves it untouched', async () => {
    const dataDir = await journalOfThree();
    const newer = '{"v":2,"g":9}\n{"e":"e9","x":[]}\n';
    await writeFile(journalFile(dataDir), newer);
    const error = await ProgressStore.open(dataDir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as StudylineError).code).toBe('newer-version');
    expect(await readFile(journalFile(dataDir), 'utf8')).toBe(newer);
  });
});
