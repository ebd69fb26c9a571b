import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { diskError } from '../errors';
import { nodeFs } from './durable-fs';
import { DurableJsonFile } from './durable-json';
import type { StoreOptions } from './library-store';
import { PROGRESS_SCHEMA_VERSION, type ProgressFile } from './model';
import { ProgressJournal } from './progress-journal';
import {
  emptyProgress,
  freezeEntries,
  looksLikeProgress,
  setEmailEntry,
  withDefaults,
} from './progress-state';

/** progress.json as stored: the generation tells which journal continues it. */
export type StoredProgress = ProgressFile & { journalGeneration?: number };

export interface ProgressFiles {
  /** The snapshot with the journal's changes after it applied: the learner's state. */
  state: ProgressFile;
  snapshot: DurableJsonFile<StoredProgress>;
  journal: ProgressJournal;
}

function generationOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * Reads progress.json (restored from its last good copy if damaged) and the
 * journal that continues it, skipping a journal left from an older snapshot.
 */
export async function openProgressFiles(
  dataDir: string,
  options: StoreOptions = {},
): Promise<ProgressFiles> {
  const because = options.readOnlyBecause;
  try {
    if (because === undefined) await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw diskError(error, 'your progress');
  }
  const fs = options.fs ?? nodeFs;
  const snapshot = new DurableJsonFile<StoredProgress>(path.join(dataDir, 'progress.json'), {
    label: 'your progress',
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    isValid: looksLikeProgress,
    onRestored: options.onNotice,
    fs,
    readOnlyBecause: because,
  });
  const read: StoredProgress = (await snapshot.read()) ?? emptyProgress();
  const { journalGeneration, ...stored } = read;
  const journalFile = path.join(dataDir, 'progress.journal');
  const journal = new ProgressJournal(journalFile, fs, generationOf(journalGeneration), because);
  const state = withDefaults(stored);
  for (const { e, s } of await journal.load(options.onNotice)) setEmailEntry(state.emails, e, s);
  freezeEntries(state.emails);
  return { state, snapshot, journal };
}
