import type { Course, GroupDef, ImportReport } from '../../shared/types';
import type { EmailState, ProgressFile, Settings } from '../library/model';
import type { Backup } from './backup-schema';
import { noChanges, summarize, type ImportChanges } from './backup-summary';

/**
 * Merging a backup into the learner's data. The rule, per part:
 * - courses: matched by archive address (as following does); one the learner
 *   does not follow is added with its groups; a followed one gains the
 *   backup's groups it lacks (matched by id or address);
 * - plans: the backup's plan replaces the plan of each course it has one for;
 * - emails: per email and per field, the backup wins where it holds a value
 *   (done date, opened date, a star, a note) and what it leaves empty is kept,
 *   so importing never un-does, un-stars or erases anything;
 * - reminders: on/off and the per-course switches of the backup's courses
 *   are taken; a running snooze and the reminders already shown are kept;
 * - settings: taken from the backup; notices and the last sync stay.
 * Importing the same backup again changes nothing.
 */

/** Equality of plain JSON data, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function mergeGroups(target: Course, groups: readonly GroupDef[], changes: ImportChanges): void {
  const added: GroupDef[] = [];
  for (const group of groups) {
    if (target.groups.some((g) => g.id === group.id || g.liveUrl === group.liveUrl)) continue;
    const copy: GroupDef = {
      ...group,
      id: uniqueId(group.id, new Set(target.groups.map((g) => g.id))),
    };
    target.groups.push(copy);
    added.push(copy);
    changes.groupsAdded.push({ group: group.name, course: target.title });
  }
  // A fallback that this side does not have would point at nothing.
  for (const group of added) {
    if (group.fallbackGroupId && !target.groups.some((g) => g.id === group.fallbackGroupId))
      delete group.fallbackGroupId;
  }
}

/** Adds or completes courses; answers the id each backup course has in `next`. */
function mergeCourses(
  next: ProgressFile,
  backup: Backup,
  changes: ImportChanges,
): Map<string, Course> {
  const byBackupId = new Map<string, Course>();
  for (const course of backup.courses) {
    let target = next.courses.find((c) => c.archiveUrl === course.archiveUrl);
    if (target) {
      mergeGroups(target, course.groups, changes);
    } else {
      target = {
        ...structuredClone(course),
        id: uniqueId(course.id, new Set(next.courses.map((c) => c.id))),
      };
      next.courses.push(target);
      changes.coursesAdded.push(target.title);
    }
    byBackupId.set(course.id, target);
  }
  return byBackupId;
}

function mergePlans(
  next: ProgressFile,
  backup: Backup,
  courses: Map<string, Course>,
  changes: ImportChanges,
): void {
  for (const [backupId, plan] of Object.entries(backup.plans)) {
    const course = courses.get(backupId);
    if (!course || sameJson(next.plans[course.id], plan)) continue;
    changes.plans.push({
      course: course.title,
      plan,
      replaced: next.plans[course.id] !== undefined,
    });
    next.plans[course.id] = structuredClone(plan);
  }
}

function mergeEmail(
  before: EmailState,
  from: EmailState,
  tally: ImportChanges['emails'],
): EmailState {
  const after: EmailState = { ...before };
  if (from.doneAt !== undefined) after.doneAt = from.doneAt;
  if (from.openedAt !== undefined) after.openedAt = from.openedAt;
  if (from.starred === true) after.starred = true;
  if (from.note !== undefined && from.note.trim() !== '') after.note = from.note;
  if (sameJson(before, after)) return before;
  tally.changed += 1;
  if (!before.doneAt && after.doneAt) tally.done += 1;
  else if (!before.openedAt && after.openedAt && !after.doneAt) tally.opened += 1;
  else if (before.doneAt !== after.doneAt || before.openedAt !== after.openedAt) tally.redated += 1;
  if (!before.starred && after.starred) tally.starred += 1;
  if (before.note !== after.note) tally.notes += 1;
  return after;
}

function mergeEmails(next: ProgressFile, backup: Backup, changes: ImportChanges): void {
  for (const [emailId, state] of Object.entries(backup.emails)) {
    const before = next.emails[emailId] ?? {};
    const after = mergeEmail(before, state, changes.emails);
    if (after !== before) next.emails[emailId] = after;
  }
}

function mergeReminders(
  next: ProgressFile,
  backup: Backup,
  courses: Map<string, Course>,
  changes: ImportChanges,
): void {
  const settings = next.reminders.settings;
  const { enabled, offCourseIds } = backup.reminders;
  if (enabled !== undefined && enabled !== settings.enabled) {
    settings.enabled = enabled;
    changes.reminders.enabled = enabled;
  }
  if (!offCourseIds) return;
  for (const [backupId, course] of courses) {
    const wantOff = offCourseIds.includes(backupId);
    const isOff = settings.offCourseIds.includes(course.id);
    if (wantOff === isOff) continue;
    if (wantOff) {
      settings.offCourseIds.push(course.id);
      changes.reminders.offFor.push(course.title);
    } else {
      settings.offCourseIds = settings.offCourseIds.filter((id) => id !== course.id);
      changes.reminders.onFor.push(course.title);
    }
  }
}

function mergeSettings(next: ProgressFile, backup: Backup, changes: ImportChanges): void {
  const changed: Partial<Settings> = {};
  for (const key of Object.keys(backup.settings) as Array<keyof Settings>) {
    const value = backup.settings[key];
    if (value === undefined || next.settings[key] === value) continue;
    copySetting(changed, backup.settings, key);
  }
  next.settings = { ...next.settings, ...changed };
  changes.settings = changed;
}

function copySetting<K extends keyof Settings>(
  to: Partial<Settings>,
  from: Partial<Settings>,
  key: K,
): void {
  to[key] = from[key];
}

/**
 * The learner's data with `backup` merged in (see the rule above), and what
 * that changed in words and numbers. Pure: `current` is never modified.
 */
export function applyBackup(
  current: ProgressFile,
  backup: Backup,
): { next: ProgressFile; report: Omit<ImportReport, 'backupPath'> } {
  const next = structuredClone(current);
  const changes = noChanges();
  const courses = mergeCourses(next, backup, changes);
  mergePlans(next, backup, courses, changes);
  mergeEmails(next, backup, changes);
  mergeReminders(next, backup, courses, changes);
  mergeSettings(next, backup, changes);
  return {
    next,
    report: {
      coursesAdded: changes.coursesAdded,
      plansChanged: changes.plans.map((plan) => plan.course),
      emailsChanged: changes.emails.changed,
      summary: summarize(changes),
    },
  };
}
