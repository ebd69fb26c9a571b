import {
  DEFAULT_SETTINGS,
  type EmailState,
  type ProgressFile,
  type Settings,
} from '../library/model';
import { ID_RE } from '../transfer/id-rules';
import type { SharedValue } from './share-log';

/**
 * What is shared, as keys: one per email field, one per plan and per course,
 * the shared settings and reminder switches. Everything else (notices,
 * reminders already shown, a snooze, the window and login settings, the
 * last sync) belongs to one computer.
 *
 *   e/<email id>/o|d|n|s   opened at, done at, note, starred
 *   p/<course id>          the course's plan
 *   c/<course id>          a followed course (its groups included)
 *   s/theme, s/syncEveryHours
 *   r/enabled, r/off/<course id>
 */

export const SHARED_SETTINGS = ['theme', 'syncEveryHours'] as const satisfies ReadonlyArray<
  keyof Settings
>;
export type SharedSetting = (typeof SHARED_SETTINGS)[number];

const EMAIL_FIELDS = { o: 'openedAt', d: 'doneAt', n: 'note', s: 'starred' } as const;
export type EmailField = keyof typeof EMAIL_FIELDS;
const FIELD_CODES = Object.keys(EMAIL_FIELDS) as EmailField[];

export type SharedKey =
  | { kind: 'email'; emailId: string; field: EmailField }
  | { kind: 'plan'; courseId: string }
  | { kind: 'course'; courseId: string }
  | { kind: 'setting'; name: SharedSetting }
  | { kind: 'reminders' }
  | { kind: 'reminders-off'; courseId: string };

export const emailKey = (emailId: string, field: EmailField) => `e/${emailId}/${field}`;

/**
 * An email's four keys, made once per email: comparing a 10,000-email
 * progress with the merged logs on every opening then allocates nothing.
 */
const EMAIL_KEYS = new Map<string, readonly string[]>();

export function emailKeys(emailId: string): readonly string[] {
  let keys = EMAIL_KEYS.get(emailId);
  if (!keys) {
    keys = FIELD_CODES.map((code) => emailKey(emailId, code));
    EMAIL_KEYS.set(emailId, keys);
  }
  return keys;
}

export function parseKey(key: string): SharedKey | undefined {
  const slash = key.indexOf('/');
  const head = key.slice(0, slash);
  const rest = key.slice(slash + 1);
  if (head === 'e') {
    const last = rest.lastIndexOf('/');
    const emailId = rest.slice(0, last);
    const field = rest.slice(last + 1);
    if (!ID_RE.test(emailId) || !(field in EMAIL_FIELDS)) return undefined;
    return { kind: 'email', emailId, field: field as EmailField };
  }
  if (head === 'p' || head === 'c') {
    if (!ID_RE.test(rest)) return undefined;
    return { kind: head === 'p' ? 'plan' : 'course', courseId: rest };
  }
  if (head === 's') {
    return (SHARED_SETTINGS as readonly string[]).includes(rest)
      ? { kind: 'setting', name: rest as SharedSetting }
      : undefined;
  }
  if (key === 'r/enabled') return { kind: 'reminders' };
  if (key.startsWith('r/off/') && ID_RE.test(key.slice(6)))
    return { kind: 'reminders-off', courseId: key.slice(6) };
  return undefined;
}

/** An email's shared fields as keys (absent fields included, as undefined). */
export function emailEntries(
  emailId: string,
  state: EmailState | undefined,
): Array<[string, SharedValue | undefined]> {
  const keys = emailKeys(emailId);
  return FIELD_CODES.map((code, i) => {
    const value = state?.[EMAIL_FIELDS[code]];
    return [keys[i]!, code === 's' ? (value ? true : undefined) : value];
  });
}

/** Everything shared in the learner's progress, absent values left out. */
export function projectProgress(data: Readonly<ProgressFile>): Map<string, SharedValue> {
  const view = new Map<string, SharedValue>();
  for (const [emailId, state] of Object.entries(data.emails)) {
    for (const [key, value] of emailEntries(emailId, state))
      if (value !== undefined) view.set(key, value);
  }
  for (const [key, value] of smallEntries(data)) if (value !== undefined) view.set(key, value);
  return view;
}

/** The shared parts other than emails: few, so always compared whole. */
export function smallEntries(
  data: Readonly<ProgressFile>,
): Array<[string, SharedValue | undefined]> {
  const entries: Array<[string, SharedValue | undefined]> = [];
  for (const course of data.courses) entries.push([`c/${course.id}`, asShared(course)]);
  for (const [courseId, plan] of Object.entries(data.plans))
    entries.push([`p/${courseId}`, asShared(plan)]);
  for (const name of SHARED_SETTINGS) entries.push([`s/${name}`, data.settings[name]]);
  entries.push(['r/enabled', data.reminders.settings.enabled]);
  for (const courseId of data.reminders.settings.offCourseIds)
    entries.push([`r/off/${courseId}`, true]);
  return entries;
}

function asShared(value: object): SharedValue {
  return value as unknown as SharedValue;
}

/** Values every new data folder has: never logged unless they replace another computer's. */
const DEFAULTS: Record<string, SharedValue> = {
  's/theme': DEFAULT_SETTINGS.theme,
  's/syncEveryHours': DEFAULT_SETTINGS.syncEveryHours,
  'r/enabled': true,
};

export function isDefault(key: string, value: SharedValue | undefined): boolean {
  return Object.hasOwn(DEFAULTS, key) && DEFAULTS[key] === value;
}

/** Equal as JSON data, whatever the key order; undefined and null both mean "absent". */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue(ra[k], rb[k]));
}
