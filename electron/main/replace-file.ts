import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Replaces a small file of main's own (window size, login entry) whole: a temp
 * file then a rename. A full disk leaves the older file as it was and no temp file.
 */
export function replaceFileSync(file: string, text: string): void {
  const temp = `${file}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
