import type * as FsPromises from 'node:fs/promises';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, electron, resetFakeElectron } from './fake-electron';
import { createFileDialogs } from '../../electron/main/file-dialogs';
import type { BrowserWindow } from 'electron';
import { textMatching, textContaining } from '../helpers/matchers';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
// A disk that fails every write with this code while it is set.
const disk = vi.hoisted(() => ({ failWith: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      if (!disk.failWith) return real.writeFile(...args);
      await real.writeFile(args[0], 'half');
      throw Object.assign(new Error(`${disk.failWith}: simulated`), { code: disk.failWith });
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'studyline-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  resetFakeElectron();
  disk.failWith = undefined;
});

function setup(maxImportBytes?: number) {
  const window = new FakeBrowserWindow({});
  const dialogs = createFileDialogs({
    parent: () => window as unknown as BrowserWindow,
    defaultDir: dir,
    maxImportBytes,
  });
  return { window, dialogs };
}

const { showSaveDialog, showOpenDialog } = electron.dialog;

describe('saveFile', () => {
  it('returns undefined and writes nothing when the learner cancels', async () => {
    const before = readdirSync(dir);
    const { dialogs } = setup();
    await expect(dialogs.saveFile('python.ics', 'BEGIN:VCALENDAR', 'ics')).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual(before);
  });

  it('suggests the name in the last folder, over our window, and writes the text there', async () => {
    const { dialogs, window } = setup();
    const target = join(dir, 'my plan.ics');
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(dialogs.saveFile('python.ics', 'BEGIN:VCALENDAR', 'ics')).resolves.toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('BEGIN:VCALENDAR');
    expect(showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: join(dir, 'python.ics'),
        filters: [{ name: 'Calendar', extensions: ['ics'] }],
      }),
    );
    expect(readdirSync(dir).filter((name) => name.includes('studyline-tmp'))).toEqual([]);
  });

  it('says in a sentence when the chosen folder cannot be written', async () => {
    const { dialogs } = setup();
    showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'gone', 'x.json'),
    });
    await expect(dialogs.saveFile('backup.json', '{}', 'json')).rejects.toMatchObject({
      code: 'disk',
      message: textContaining('Studyline could not save x.json'),
      hint: 'Choose another folder and try again.',
    });
  });

  it.each([
    ['ENOSPC', 'the disk is full', /^Free some space/],
    ['EDQUOT', 'your disk quota is used up', /^Free some space in your account/],
    ['EROFS', 'the disk is read-only', /^Choose another folder/],
    ['EACCES', 'that folder cannot be written to', /^Choose another folder/],
  ])(
    'on a disk that says %s, says so in words and keeps the older file whole',
    async (code, reason, hint) => {
      const { dialogs } = setup();
      const target = join(dir, `older-${code}.ics`);
      writeFileSync(target, 'the older calendar');
      showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      disk.failWith = code;
      const error = (await dialogs
        .saveFile('plan.ics', 'BEGIN:VCALENDAR', 'ics')
        .catch((e: unknown) => e)) as { message: string; hint: string };
      expect(error.message).toBe(`Studyline could not save older-${code}.ics: ${reason}.`);
      expect(error.hint).toMatch(hint);
      expect(readFileSync(target, 'utf8')).toBe('the older calendar');
      expect(readdirSync(dir).filter((name) => name.includes('studyline-tmp'))).toEqual([]);
    },
  );

  it('opens without a parent while the window is hidden in the tray', async () => {
    const { dialogs, window } = setup();
    window.isVisible.mockReturnValue(false);
    await dialogs.saveFile('backup.json', '{}', 'json');
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: join(dir, 'backup.json'),
    });
  });
});

describe('openTextFile', () => {
  it('returns undefined when the learner cancels', async () => {
    const { dialogs } = setup();
    await expect(dialogs.openTextFile('json')).resolves.toBeUndefined();
  });

  it("returns the file's text, without a byte-order mark", async () => {
    const file = join(dir, 'backup.json');
    writeFileSync(file, '\uFEFF{"schemaVersion":1}');
    const { dialogs } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await expect(dialogs.openTextFile('json')).resolves.toBe('{"schemaVersion":1}');
    expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({
      filters: [{ name: 'Studyline backup', extensions: ['json'] }],
      properties: ['openFile'],
    });
  });

  it('refuses a file too big to be a backup, with a sentence, before reading it', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, 'x'.repeat(3 * 1024));
    const { dialogs } = setup(2 * 1024);
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const error = await dialogs.openTextFile('json').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'too-large',
      message: textMatching(/^huge\.json is too big to be a Studyline backup/),
      hint: 'Choose the .json file Studyline saved when you exported your progress.',
    });
  });

  it('refuses a file that is not text', async () => {
    const file = join(dir, 'photo.json');
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]));
    const { dialogs } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await expect(dialogs.openTextFile('json')).rejects.toMatchObject({
      message: 'photo.json is not a Studyline backup (it is not text).',
    });
  });

  it('says so when the chosen file cannot be read', async () => {
    const { dialogs } = setup();
    showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [join(dir, 'missing.json')],
    });
    await expect(dialogs.openTextFile('json')).rejects.toMatchObject({
      code: 'disk',
      message: 'Studyline could not read missing.json.',
    });
  });
});

describe('chooseFolder', () => {
  it('asks for a folder that can be made on the spot, and answers its path', async () => {
    const { dialogs } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'Sync')] });
    await expect(dialogs.chooseFolder()).resolves.toBe(join(dir, 'Sync'));
    const asked = showOpenDialog.mock.calls[0]?.[1] as {
      defaultPath: string;
      properties: string[];
    };
    expect(asked.defaultPath).toBe(dir);
    expect(asked.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
  });

  it('opens at the folder shared now, and answers undefined when cancelled', async () => {
    const { dialogs } = setup();
    await expect(dialogs.chooseFolder('/home/learner/Dropbox/Studyline')).resolves.toBeUndefined();
    expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: '/home/learner/Dropbox/Studyline',
    });
  });
});
