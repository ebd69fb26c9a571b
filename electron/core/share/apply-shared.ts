import type { Course, GroupDef } from '../../shared/types';
import { DEFAULT_SETTINGS, type EmailState, type ProgressFile } from '../library/model';
import { validatePlanInput } from '../pace/validate-plan';
import { DEFAULT_REMINDER_SETTINGS } from '../reminders/model';
import type * as BackupSchema from '../transfer/backup-schema';
import { isIsoInstant } from '../transfer/id-rules';
import type { SharedValue } from './share-log';
import type { EmailField, SharedKey } from './shared-keys';

let schemas: typeof BackupSchema | undefined;

/**
 * Loads the schemas the checks below use (zod, as for a backup file). Only a
 * computer that shares needs them, so they are not loaded when the core
 * starts; a pass of the shared folder awaits this first.
 */
export async function loadSharedChecks(): Promise<void> {
  schemas ??= await import('../transfer/backup-schema');
}

function loaded(): typeof BackupSchema {
  if (!schemas) throw new Error('Shared values were checked before loadSharedChecks().');
  return schemas;
}

/**
 * Another computer's log is outside data: each merged value is checked (as
 * a backup file is) before it touches the learner's progress. `undefined`
 * is a removal and always acceptable.
 */
export function checkShared(key: SharedKey, value: SharedValue | undefined): boolean {
  if (value === undefined) return true;
  switch (key.kind) {
    case 'email':
      return validEmailValue(key.field, value);
    case 'plan':
      return asPlan(value) !== undefined;
    case 'course':
      return parseCourse(value, key.courseId) !== undefined;
    case 'setting':
      return loaded().settingsSchema.safeParse({ [key.name]: value }).success;
    case 'reminders':
      return typeof value === 'boolean';
    case 'reminders-off':
      return value === true;
  }
}

/** Applies a value that passed checkShared. */
export function applyShared(
  draft: ProgressFile,
  key: SharedKey,
  value: SharedValue | undefined,
): void {
  switch (key.kind) {
    case 'email':
      return applyEmailField(draft, key.emailId, key.field, value);
    case 'plan':
      if (value === undefined) delete draft.plans[key.courseId];
      else draft.plans[key.courseId] = asPlan(value)!;
      return;
    case 'course':
      return applyCourse(draft, key.courseId, value);
    case 'setting':
      Object.assign(draft.settings, { [key.name]: value ?? DEFAULT_SETTINGS[key.name] });
      return;
    case 'reminders':
      draft.reminders.settings.enabled =
        (value as boolean | undefined) ?? DEFAULT_REMINDER_SETTINGS.enabled;
      return;
    case 'reminders-off': {
      const off = new Set(draft.reminders.settings.offCourseIds);
      if (value) off.add(key.courseId);
      else off.delete(key.courseId);
      draft.reminders.settings.offCourseIds = [...off];
      return;
    }
  }
}

function validEmailValue(field: EmailField, value: SharedValue): boolean {
  if (field === 's') return value === true;
  if (typeof value !== 'string') return false;
  if (field === 'n') return value.trim() !== '' && value.length <= 20_000;
  return isIsoInstant(value);
}

const FIELD_NAMES = {
  o: 'openedAt',
  d: 'doneAt',
  n: 'note',
  s: 'starred',
} as const satisfies Record<EmailField, keyof EmailState>;

function applyEmailField(
  draft: ProgressFile,
  emailId: string,
  field: EmailField,
  value: SharedValue | undefined,
): void {
  // Email states are frozen and shared between versions: replaced, never changed in place.
  const next: Record<string, unknown> = { ...draft.emails[emailId] };
  if (value === undefined) delete next[FIELD_NAMES[field]];
  else next[FIELD_NAMES[field]] = value;
  if (Object.keys(next).length === 0) delete draft.emails[emailId];
  else draft.emails[emailId] = next;
}

function asPlan(value: SharedValue) {
  try {
    return validatePlanInput(value);
  } catch {
    return undefined;
  }
}

function applyCourse(draft: ProgressFile, courseId: string, value: SharedValue | undefined): void {
  if (value === undefined) {
    draft.courses = draft.courses.filter((c) => c.id !== courseId);
    return;
  }
  const course = parseCourse(value, courseId)!;
  const at = draft.courses.findIndex((c) => c.id === courseId);
  if (at >= 0) draft.courses[at] = course;
  else draft.courses.push(course);
}

function parseCourse(value: SharedValue, courseId: string): Course | undefined {
  const { courseSchema, groupSchema } = loaded();
  const parsed = courseSchema.safeParse(value);
  if (!parsed.success || parsed.data.id !== courseId) return undefined;
  const groups: GroupDef[] = [];
  for (const group of parsed.data.groups) {
    const checked = groupSchema.safeParse(group);
    if (!checked.success) return undefined;
    groups.push(checked.data);
  }
  return { ...parsed.data, groups };
}
