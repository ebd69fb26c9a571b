import { z } from 'zod';
import type { Course } from '../../shared/types';
import type { EmailState, Settings } from '../library/model';
import { READING_SIZES } from '../../shared/schemas';
import { ID_RE, isIsoInstant } from './id-rules';
import type { Plan } from '../pace/model';

/**
 * The backup file: one versioned JSON document with what a learner would
 * lose with their computer (courses, plans, per-email progress, settings).
 * Machine-local state (notices, reminders already shown, a running snooze,
 * the data folder) stays out of it.
 */

export const BACKUP_FORMAT = 'studyline-backup';
/** Bump when a reader of the current version could misread a new file. */
export const BACKUP_VERSION = 1;

export interface BackupReminders {
  enabled: boolean;
  /** Course ids (of this backup) the learner switched reminders off for. */
  offCourseIds: string[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  /** Version of the Studyline that wrote it. */
  app: string;
  courses: Course[];
  /** Per course id of this backup. */
  plans: Record<string, Plan>;
  emails: Record<string, EmailState>;
  /** Partial: a backup from an older version may lack later settings. */
  reminders: Partial<BackupReminders>;
  settings: Partial<Settings>;
}

const SOURCE_ID_RE = /^[a-z0-9][a-z0-9._-]{0,199}$/;

/** A value as a learner would recognise it in a message, kept short. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return typeof value === 'string' ? `“${short}”` : short;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const typeError = (what: string, kind: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `${what} is missing`
      : `${what} (${shown(issue.input)}) is not ${kind}`,
});

const text = (what: string, max: number) =>
  z.string(typeError(what, 'text')).max(max, `${what} is longer than ${max} characters`);

const matching = (what: string, pattern: RegExp, kind: string) =>
  z.string(typeError(what, 'text')).refine((value) => pattern.test(value), {
    error: (issue) => `${what} (${shown(issue.input)}) is not ${kind}`,
  });

export const instant = (what: string) =>
  z.string(typeError(what, 'a date and time')).refine(isIsoInstant, {
    error: (issue) => `${what} (${shown(issue.input)}) is not a date and time`,
  });

const webAddress = (what: string) =>
  text(what, 4096).refine(isHttpUrl, {
    error: (issue) => `${what} (${shown(issue.input)}) is not a web address`,
  });

const flag = (what: string) => z.boolean(typeError(what, 'true or false'));

const objectError = (what: string) => ({
  error: (issue: { code?: string; input?: unknown; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `it has ${issue.keys?.length === 1 ? 'a field' : 'fields'} Studyline does not know (${(issue.keys ?? []).join(', ')})`
      : `it is ${shown(issue.input)} instead of ${what}`,
});

export const idString = (what: string) => matching(what, ID_RE, 'a valid id');

export const groupSchema = z.object(
  {
    id: idString('its id'),
    name: text('its name', 500),
    description: text('its description', 10_000).optional(),
    liveUrl: webAddress('its address'),
    feedUrl: webAddress('its feed address').optional(),
    fallbackGroupId: idString('its fallback group').optional(),
    sourceId: matching('its library file name', SOURCE_ID_RE, 'a valid file name').optional(),
    custom: flag('“custom”').optional(),
    // A closed group's history: dropping it would also make sharing log the course again.
    closed: flag('“closed”').optional(),
    closedNote: text('why it closed', 1000).optional(),
  },
  objectError('a group'),
);

/** Groups are checked one by one afterwards, so a message can name the group. */
export const courseSchema = z.object(
  {
    id: idString('its id'),
    title: text('its title', 1000),
    catalogCourseId: idString('its catalog course').optional(),
    sequenceId: idString('its sequence').optional(),
    archiveUrl: webAddress('its archive address'),
    archiveSourceId: matching('its library file name', SOURCE_ID_RE, 'a valid file name'),
    followedAt: instant('the day it was followed'),
    groups: z.array(z.unknown(), typeError('its list of groups', 'a list')).max(1000),
  },
  objectError('a course'),
);

/** Strict: a mistyped field ("done" for "doneAt") would otherwise drop progress without a word. */
export const emailStateSchema = z.strictObject(
  {
    openedAt: instant('the date it was opened').optional(),
    doneAt: instant('the date it was done').optional(),
    note: text('its note', 20_000).optional(),
    starred: flag('“starred”').optional(),
  },
  objectError('fields such as doneAt, openedAt, starred and note'),
);

export const settingsSchema = z.strictObject(
  {
    syncEveryHours: z
      .number(typeError('“syncEveryHours”', 'a number'))
      .int('“syncEveryHours” is not a whole number')
      .min(0, '“syncEveryHours” is below 0')
      .max(168, '“syncEveryHours” is above 168 (a week)')
      .optional(),
    theme: z
      .enum(['system', 'light', 'dark'], typeError('the theme', 'system, light or dark'))
      .optional(),
    closeToTray: flag('“closeToTray”').optional(),
    startAtLogin: flag('“startAtLogin”').optional(),
    readingFontSize: z
      .number(typeError('“readingFontSize”', 'a number'))
      .int('“readingFontSize” is not a whole number')
      .min(READING_SIZES.min, `“readingFontSize” is below ${READING_SIZES.min}`)
      .max(READING_SIZES.max, `“readingFontSize” is above ${READING_SIZES.max}`)
      .optional(),
    readingWidth: z
      .enum(['narrow', 'medium', 'wide'], typeError('the line length', 'narrow, medium or wide'))
      .optional(),
  },
  objectError('a list of settings'),
);

export const remindersSchema = z.strictObject(
  {
    enabled: flag('“enabled”').optional(),
    offCourseIds: z
      .array(z.string(), typeError('“offCourseIds”', 'a list of course ids'))
      .max(1000)
      .optional(),
  },
  objectError('reminder settings'),
);

/** The envelope; courses, plans and emails are checked item by item to name the broken one. */
export const envelopeSchema = z.object(
  {
    exportedAt: instant('its export date'),
    app: text('the Studyline version that made it', 100),
    courses: z.array(z.unknown(), typeError('its list of courses', 'a list')).max(10_000),
    plans: z.record(z.string(), z.unknown(), typeError('its plans', 'a set of plans')),
    emails: z.record(z.string(), z.unknown(), typeError('its email progress', 'a set of emails')),
    reminders: z.unknown().optional(),
    settings: z.unknown().optional(),
  },
  objectError('a backup'),
);
