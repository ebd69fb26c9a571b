import type { Settings } from '../library/model';
import type { Pace, Plan } from '../pace/model';

/** What an import changed, gathered while merging, before it is put into words. */
export interface ImportChanges {
  coursesAdded: string[];
  groupsAdded: Array<{ group: string; course: string }>;
  plans: Array<{ course: string; plan: Plan; replaced: boolean }>;
  emails: {
    changed: number;
    done: number;
    opened: number;
    starred: number;
    notes: number;
    redated: number;
  };
  reminders: { enabled?: boolean; offFor: string[]; onFor: string[] };
  settings: Partial<Settings>;
}

export function noChanges(): ImportChanges {
  return {
    coursesAdded: [],
    groupsAdded: [],
    plans: [],
    emails: { changed: 0, done: 0, opened: 0, starred: 0, notes: 0, redated: 0 },
    reminders: { offFor: [], onFor: [] },
    settings: {},
  };
}

export const NOTHING_CHANGED = 'Nothing changed: this backup matches your data.';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function describePace(pace: Pace): string {
  if (pace.kind === 'as-sent') return 'as originally sent';
  if (pace.kind === 'per-week') return `${count(pace.perWeek, 'email', 'emails')} a week`;
  if (pace.factor === 1) return 'the original speed';
  if (pace.factor === 0.5) return 'half speed';
  if (pace.factor === 2) return 'double speed';
  return `${pace.factor} times the original speed`;
}

function describeSettings(settings: Partial<Settings>): string[] {
  const parts: string[] = [];
  const { syncEveryHours: hours, theme, closeToTray, startAtLogin } = settings;
  if (hours !== undefined)
    parts.push(hours === 0 ? 'automatic sync off' : `sync every ${count(hours, 'hour', 'hours')}`);
  if (theme !== undefined) parts.push(theme === 'system' ? 'the system’s theme' : `${theme} theme`);
  if (closeToTray !== undefined)
    parts.push(
      closeToTray
        ? 'closing the window keeps Studyline in the tray'
        : 'closing the window quits Studyline',
    );
  if (startAtLogin !== undefined) parts.push(startAtLogin ? 'start at login' : 'no start at login');
  if (settings.readingFontSize !== undefined)
    parts.push(`emails in ${settings.readingFontSize} px text`);
  if (settings.readingWidth !== undefined) parts.push(`${settings.readingWidth} lines`);
  return parts;
}

function emailSentences(emails: ImportChanges['emails']): string[] {
  const out: string[] = [];
  if (emails.done) out.push(`${count(emails.done, 'email', 'emails')} marked done`);
  if (emails.opened) out.push(`${count(emails.opened, 'email', 'emails')} marked opened`);
  if (emails.starred) out.push(`${count(emails.starred, 'email', 'emails')} starred`);
  if (emails.notes) out.push(`${count(emails.notes, 'note', 'notes')} added or updated`);
  if (emails.redated)
    out.push(
      `Dates taken from the backup for ${count(emails.redated, 'email', 'emails')} already done or opened`,
    );
  return out;
}

/** Learner sentences, most important first; one sentence when nothing changed. */
export function summarize(changes: ImportChanges): string[] {
  const out: string[] = changes.coursesAdded.map((title) => `Added the course "${title}"`);
  for (const { group, course } of changes.groupsAdded)
    out.push(`Added the group "${group}" to "${course}"`);
  for (const { course, plan, replaced } of changes.plans) {
    const verb = replaced ? 'Replaced your plan for' : 'Set your plan for';
    out.push(`${verb} "${course}" (start ${plan.startOn}, ${describePace(plan.pace)})`);
  }
  out.push(...emailSentences(changes.emails));
  const { enabled, offFor, onFor } = changes.reminders;
  if (enabled !== undefined) out.push(enabled ? 'Reminders switched on' : 'Reminders switched off');
  for (const title of offFor) out.push(`Reminders switched off for "${title}"`);
  for (const title of onFor) out.push(`Reminders switched on for "${title}"`);
  const settings = describeSettings(changes.settings);
  if (settings.length > 0) out.push(`Settings taken from the backup: ${settings.join(', ')}`);
  return out.length === 0 ? [NOTHING_CHANGED] : out.map((sentence) => `${sentence}.`);
}
