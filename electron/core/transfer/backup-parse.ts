import type { z } from 'zod';
import { StudylineError } from '../errors';
import type { Course, GroupDef } from '../../shared/types';
import type { EmailState, Settings } from '../library/model';
import type { Plan } from '../pace/model';
import { validatePlanInput } from '../pace/validate-plan';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  courseSchema,
  emailStateSchema,
  envelopeSchema,
  groupSchema,
  remindersSchema,
  settingsSchema,
  shown,
  type Backup,
  type BackupReminders,
} from './backup-schema';
import { ID_RE } from './id-rules';

/** Far above any real learner's backup; keeps a wrong file choice from eating memory. */
const MAX_BACKUP_CHARS = 64 * 1024 * 1024;
const UNCHANGED = 'Nothing was imported: your data is unchanged.';

function refuse(
  message: string,
  hint = `${UNCHANGED} Export a new backup on the other computer and import that one.`,
): never {
  throw new StudylineError('invalid-input', message, { hint });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "A pace of 0…" reads as "…is not valid: a pace of 0…". */
function asClause(sentence: string): string {
  const trimmed = sentence.replace(/\.$/, '');
  return /^(?!I\b)[A-Z][a-z]*\b/.test(trimmed)
    ? trimmed[0]!.toLowerCase() + trimmed.slice(1)
    : trimmed;
}

/** `subject` names the broken part: "The course \"…\" in the backup". */
function check<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'it is unreadable';
  return refuse(`${subject} is not valid: ${reason}.`);
}

function readJson(text: string): unknown {
  if (text.length > MAX_BACKUP_CHARS)
    refuse('This file is too large to be a Studyline backup.', UNCHANGED);
  if (text.trim() === '')
    refuse(
      'This backup file is empty.',
      `${UNCHANGED} It may not have finished copying: copy it again.`,
    );
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const start = text.trimStart()[0];
    if (start === '{' || start === '[') {
      refuse(
        'This backup file is incomplete or damaged: it is cut short or was edited by hand.',
        `${UNCHANGED} Copy or export it again.`,
      );
    }
    return refuse(
      'This file is not a Studyline backup: it is not JSON.',
      `${UNCHANGED} Choose a file named like studyline-backup-2026-11-28.json.`,
    );
  }
}

function checkFormat(data: unknown): Record<string, unknown> {
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    if (isRecord(data) && 'schemaVersion' in data && Array.isArray(data.courses)) {
      refuse(
        'This is a copy of Studyline’s own progress file, not a backup made with Export progress.',
        `${UNCHANGED} To go back to it, quit Studyline and put it in place of progress.json in your data folder.`,
      );
    }
    refuse(
      'This file is not a Studyline backup.',
      `${UNCHANGED} Choose a file made with Export progress, named like studyline-backup-2026-11-28.json.`,
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse(`This backup has no valid version number (${shown(version)}).`);
  }
  if (version > BACKUP_VERSION) {
    const made = typeof data.app === 'string' && data.app.length <= 40 ? ` (${data.app})` : '';
    throw new StudylineError(
      'newer-version',
      `This backup was made by a newer version of Studyline${made}.`,
      {
        hint: 'Update Studyline, then import it again.',
      },
    );
  }
  return data;
}

function courseName(course: unknown, index: number): string {
  const title =
    isRecord(course) && typeof course.title === 'string' ? course.title.slice(0, 80) : '';
  return title ? `The course "${title}"` : `Course number ${index + 1}`;
}

function parseCourses(raw: unknown[]): Course[] {
  const courses = raw.map((value, index): Course => {
    const name = courseName(value, index);
    const course = check(courseSchema, value, `${name} in the backup`);
    const groups = course.groups.map((group, at): GroupDef => {
      const label =
        isRecord(group) && typeof group.name === 'string'
          ? `"${group.name.slice(0, 80)}"`
          : `number ${at + 1}`;
      return check(
        groupSchema,
        group,
        `The group ${label} of ${name[0]!.toLowerCase()}${name.slice(1)} in the backup`,
      );
    });
    return { ...course, groups };
  });
  for (const key of ['id', 'archiveUrl'] as const) {
    const seen = new Set<string>();
    for (const course of courses) {
      if (seen.has(course[key])) refuse(`The backup lists the course "${course.title}" twice.`);
      seen.add(course[key]);
    }
  }
  return courses;
}

function parsePlans(
  raw: Record<string, unknown>,
  courses: readonly Course[],
): Record<string, Plan> {
  const ids = new Set(courses.map((course) => course.id));
  const plans: Record<string, Plan> = {};
  for (const [courseId, input] of Object.entries(raw)) {
    if (!ids.has(courseId))
      refuse(`The backup has a plan for "${courseId.slice(0, 80)}", a course it does not include.`);
    try {
      plans[courseId] = validatePlanInput(input);
    } catch (error) {
      if (!(error instanceof StudylineError)) throw error;
      refuse(
        `The plan of "${courseId}" in the backup is not valid: ${asClause(error.message)}.`,
        error.hint ? `${UNCHANGED} ${error.hint}` : undefined,
      );
    }
  }
  return plans;
}

function parseEmails(raw: Record<string, unknown>): Record<string, EmailState> {
  const emails: Record<string, EmailState> = {};
  for (const [emailId, state] of Object.entries(raw)) {
    if (!ID_RE.test(emailId))
      refuse(`The backup has progress for an email with an impossible id (${shown(emailId)}).`);
    emails[emailId] = check(
      emailStateSchema,
      state,
      `The progress of email "${emailId}" in the backup`,
    );
  }
  return emails;
}

function parseReminders(raw: unknown, courses: readonly Course[]): Partial<BackupReminders> {
  const reminders =
    raw === undefined ? {} : check(remindersSchema, raw, 'The reminders part of the backup');
  if (!reminders.offCourseIds) return reminders;
  // A course unfollowed after switching its reminders off leaves a stale id: harmless, dropped.
  const ids = new Set(courses.map((course) => course.id));
  return {
    ...reminders,
    offCourseIds: [...new Set(reminders.offCourseIds)].filter((id) => ids.has(id)),
  };
}

/**
 * Reads and checks a whole backup before anything is applied: a truncated,
 * foreign, newer or hand-broken file throws a StudylineError ('invalid-input'
 * or 'newer-version') whose sentence names what is wrong.
 */
export function parseBackup(text: string): Backup {
  const data = checkFormat(readJson(text));
  const envelope = check(envelopeSchema, data, 'This backup');
  const courses = parseCourses(envelope.courses);
  const settings: Partial<Settings> =
    envelope.settings === undefined
      ? {}
      : check(settingsSchema, envelope.settings, 'The settings part of the backup');
  return {
    format: BACKUP_FORMAT,
    version: data.version as number,
    exportedAt: envelope.exportedAt,
    app: envelope.app,
    courses,
    plans: parsePlans(envelope.plans, courses),
    emails: parseEmails(envelope.emails),
    reminders: parseReminders(envelope.reminders, courses),
    settings,
  };
}
