import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { dialog } from 'electron';
import type { BrowserWindow, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { diskProblem, StudylineError } from '../core/errors';

/** Backups are a few hundred kB; anything this big is not one, and would stall the app. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const FILTERS: Record<'ics' | 'json', FileFilter> = {
  ics: { name: 'Calendar', extensions: ['ics'] },
  json: { name: 'Studyline backup', extensions: ['json'] },
};

export interface FileDialogOptions {
  /** The dialog is attached to the window when it is visible. */
  parent: () => BrowserWindow | undefined;
  /** Where the first dialog opens (Documents). */
  defaultDir: string;
  /** Where the folder dialog opens first: sync services keep their folders in the home folder. */
  homeDir?: string;
  maxImportBytes?: number;
}

export interface FileDialogs {
  saveFile: (
    suggestedName: string,
    text: string,
    kind: 'ics' | 'json',
  ) => Promise<string | undefined>;
  openTextFile: (kind: 'json') => Promise<string | undefined>;
  /** A folder to share progress through (HandlerDeps.chooseFolder); undefined when cancelled. */
  chooseFolder: (current?: string) => Promise<string | undefined>;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const SAVE_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'that folder cannot be written to',
  EPERM: 'that folder cannot be written to',
};

function saveError(error: unknown, name: string): StudylineError {
  const code = String((error as { code?: unknown } | undefined)?.code);
  const reason = SAVE_REASONS[code] ?? (error as Error | undefined)?.message ?? String(error);
  // A full disk stays full in another of its folders: there, freeing space is what helps.
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  return new StudylineError('disk', `Studyline could not save ${name}: ${reason}.`, {
    hint: full ? diskProblem(error)!.hint : 'Choose another folder and try again.',
    cause: error,
  });
}

function tooLarge(name: string, bytes: number, max: number): StudylineError {
  return new StudylineError(
    'too-large',
    `${name} is too big to be a Studyline backup (${megabytes(bytes)}; backups are under ${megabytes(max)}).`,
    { hint: 'Choose the .json file Studyline saved when you exported your progress.' },
  );
}

/** Writes beside the target then renames, so a failed save never leaves half of an older file. */
async function writeReplacing(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.studyline-tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw saveError(error, basename(path));
  }
}

/** Reads at most `max` bytes: the size is checked again while reading, as the file may grow. */
async function readCapped(path: string, max: number): Promise<string> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > max) throw tooLarge(name, size, max);
      const buffer = Buffer.alloc(max + 1);
      const { bytesRead } = await handle.read(buffer, 0, max + 1, 0);
      if (bytesRead > max) throw tooLarge(name, bytesRead, max);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof StudylineError) throw error;
    throw new StudylineError('disk', `Studyline could not read ${name}.`, {
      hint: 'Check that the file is still there and that you may open it.',
      cause: error,
    });
  }
  try {
    // A BOM (Notepad) is dropped by the decoder; invalid UTF-8 means it is not our file.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StudylineError('parse', `${name} is not a Studyline backup (it is not text).`, {
      hint: 'Choose the .json file Studyline saved when you exported your progress.',
    });
  }
}

/** The save and open dialogs behind export and import (HandlerDeps.saveFile / openTextFile). */
export function createFileDialogs(options: FileDialogOptions): FileDialogs {
  const max = options.maxImportBytes ?? MAX_IMPORT_BYTES;
  let lastDir = options.defaultDir;
  const parent = () => {
    const window = options.parent();
    return window && !window.isDestroyed() && window.isVisible() ? window : undefined;
  };
  const showSave = (settings: SaveDialogOptions) => {
    const window = parent();
    return window ? dialog.showSaveDialog(window, settings) : dialog.showSaveDialog(settings);
  };
  const showOpen = (settings: OpenDialogOptions) => {
    const window = parent();
    return window ? dialog.showOpenDialog(window, settings) : dialog.showOpenDialog(settings);
  };
  return {
    async saveFile(suggestedName, text, kind) {
      const answer = await showSave({
        defaultPath: join(lastDir, basename(suggestedName)),
        filters: [FILTERS[kind]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return undefined;
      lastDir = dirname(answer.filePath);
      await writeReplacing(answer.filePath, text);
      return answer.filePath;
    },
    async openTextFile(kind) {
      const answer = await showOpen({
        defaultPath: lastDir,
        filters: [FILTERS[kind]],
        properties: ['openFile'],
      });
      const path = answer.canceled ? undefined : answer.filePaths[0];
      if (path === undefined) return undefined;
      lastDir = dirname(path);
      return readCapped(path, max);
    },
    async chooseFolder(current) {
      // The sync service's folder may still need a subfolder for Studyline: it can be made here.
      const answer = await showOpen({
        title: 'Choose the folder to keep your progress in step through',
        buttonLabel: 'Share through this folder',
        defaultPath: current ?? options.homeDir ?? lastDir,
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      return answer.canceled ? undefined : answer.filePaths[0];
    },
  };
}
