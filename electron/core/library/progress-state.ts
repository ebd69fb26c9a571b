import { DEFAULT_REMINDER_SETTINGS } from '../reminders/model';
import { isRecord } from './durable-json';
import {
  DEFAULT_SETTINGS,
  PROGRESS_SCHEMA_VERSION,
  type EmailState,
  type ProgressFile,
} from './model';

export function emptyProgress(): ProgressFile {
  return {
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    courses: [],
    emails: {},
    plans: {},
    reminders: { settings: { ...DEFAULT_REMINDER_SETTINGS }, shown: [] },
    settings: { ...DEFAULT_SETTINGS },
    notices: [],
  };
}

export function looksLikeProgress(data: Record<string, unknown>): boolean {
  return Array.isArray(data.courses) && isRecord(data.emails);
}

/** Settings added in later versions (and hand-edited files) get their defaults. */
export function withDefaults(data: ProgressFile): ProgressFile {
  return {
    ...data,
    settings: { ...DEFAULT_SETTINGS, ...(isRecord(data.settings) ? data.settings : {}) },
    notices: Array.isArray(data.notices) ? data.notices : [],
    plans: isRecord(data.plans) ? data.plans : {},
    unfollowed: Array.isArray(data.unfollowed) ? data.unfollowed : [],
    reminders: {
      settings: {
        ...DEFAULT_REMINDER_SETTINGS,
        ...(isRecord(data.reminders?.settings) ? data.reminders.settings : {}),
      },
      shown: Array.isArray(data.reminders?.shown) ? data.reminders.shown : [],
    },
  };
}

/** Sets or (with undefined) removes one email's state. */
export function setEmailEntry(
  emails: Record<string, EmailState>,
  emailId: string,
  state: EmailState | undefined,
): void {
  if (state === undefined) delete emails[emailId];
  else emails[emailId] = state;
}

export function emailEntry(
  emails: Record<string, EmailState>,
  emailId: string,
): EmailState | undefined {
  return Object.hasOwn(emails, emailId) ? emails[emailId] : undefined;
}

/**
 * Email states are shared between versions of the progress (a copy holds the
 * same objects), so changing one in place would change them all: frozen, such a
 * change fails loudly instead.
 */
export function freezeEntries(emails: Record<string, EmailState>): void {
  for (const state of Object.values(emails)) if (!Object.isFrozen(state)) Object.freeze(state);
}

export interface Draft {
  value: ProgressFile;
  /** The finished copy; `value` must not be used afterwards. */
  finish(): ProgressFile;
}

/**
 * A copy of `state` for one update, which may throw halfway and must then
 * leave no trace. The small parts are copied whole; the emails map (the bulk
 * of a long course) only when the update touches it.
 */
export function draftOf(state: ProgressFile): Draft {
  const { emails, ...rest } = state;
  const value = structuredClone(rest) as ProgressFile;
  let own: Record<string, EmailState> | undefined;
  Object.defineProperty(value, 'emails', {
    enumerable: true,
    configurable: true,
    get: () => (own ??= { ...emails }),
    set: (next: Record<string, EmailState>) => {
      own = next;
    },
  });
  return {
    value,
    finish() {
      if (own) freezeEntries(own);
      Object.defineProperty(value, 'emails', {
        value: own ?? emails,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return value;
    },
  };
}

/** Told after a durable write: the emails it changed, or undefined when anything may have. */
export type WriteListener = (emailIds: readonly string[] | undefined) => void;

/** A change made in memory, told at once (before it is written): what it replaced, and by what. */
export type Change =
  | { emailId: string; before: EmailState | undefined; after: EmailState | undefined }
  | { emailId?: undefined; before: Readonly<ProgressFile>; after: Readonly<ProgressFile> };
export type ChangeListener = (change: Change) => void;

/**
 * Tells every listener (sharing's). One that throws is reported and the
 * others are still told: whatever a listener does, the learner's change is
 * made and saved, never left half done in memory.
 */
export function tellEach<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.error('Studyline: a listener of progress changes failed.', error);
    }
  }
}
