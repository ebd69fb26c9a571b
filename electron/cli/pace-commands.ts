import { readFile, stat } from 'node:fs/promises';
import type { StudylineCore } from '../core/app/core-api';
import { diskError, StudylineError } from '../core/errors';
import { nodeFs, replaceFile, type DurableFs } from '../core/library/durable-fs';
import type { Pace, PlanInput } from '../core/pace/model';
import { usage, type ParsedCommand } from './args';
import type { Command, CommandResult } from './commands';
import * as format from './pace-format';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAX_BACKUP_BYTES = 10 * 1024 * 1024;

const ok = (json: unknown, text: string): CommandResult => ({ json, text, exitCode: 0 });

function one(cmd: ParsedCommand, what: string): string {
  const [value, ...rest] = cmd.positionals;
  if (!value) throw usage(`"${cmd.command}" needs ${what}.`);
  if (rest.length > 0) throw usage(`"${cmd.command}" takes only ${what}.`);
  return value;
}

function two(cmd: ParsedCommand, first: string, second: string): [string, string] {
  const [a, ...rest] = cmd.positionals;
  if (!a || rest.length === 0) throw usage(`"${cmd.command}" needs ${first} and ${second}.`);
  return [a, rest.join(' ')];
}

export function parseWeekdays(text: string): number[] {
  return text.split(',').map((part) => {
    const day = WEEKDAYS.indexOf(part.trim().toLowerCase().slice(0, 3));
    if (day < 0 || part.trim().length < 3) {
      throw usage(`"${part}" is not a day of the week: use mon,tue,wed,thu,fri,sat,sun.`);
    }
    return day;
  });
}

export function parsePace(flags: ParsedCommand['flags']): Pace | undefined {
  if (flags.pace !== undefined && flags['per-week'] !== undefined)
    throw usage('Give either --pace or --per-week, not both.');
  if (flags['per-week'] !== undefined)
    return { kind: 'per-week', perWeek: Number(flags['per-week']) };
  if (flags.pace === undefined) return undefined;
  if (flags.pace === 'as-sent') return { kind: 'as-sent' };
  const factor = Number(flags.pace);
  if (Number.isNaN(factor))
    throw usage(`--pace takes a speed such as 0.5 (half speed) or "as-sent", not "${flags.pace}".`);
  return { kind: 'factor', factor };
}

async function setPlan(core: StudylineCore, cmd: ParsedCommand): Promise<CommandResult> {
  const courseId = one(cmd, 'a course id');
  const current = (await core.progress(courseId)).plan;
  const { start, remind, days } = cmd.flags;
  if (start === undefined && remind === undefined && days === undefined && !parsePace(cmd.flags)) {
    const view = await core.progress(courseId);
    return ok(view, format.plan(view));
  }
  const input: PlanInput = {
    startOn: typeof start === 'string' ? start : current.startOn,
    pace: parsePace(cmd.flags) ?? current.pace,
    studyDays: typeof days === 'string' ? parseWeekdays(days) : current.studyDays,
    remindAt: typeof remind === 'string' ? remind : current.remindAt,
  };
  const view = await core.setPlan(courseId, input);
  return ok(view, format.plan(view));
}

async function importProgress(core: StudylineCore, cmd: ParsedCommand): Promise<CommandResult> {
  const file = one(cmd, 'a backup file');
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new StudylineError('not-found', `There is no file "${file}".`);
    },
  );
  if (size > MAX_BACKUP_BYTES)
    throw new StudylineError('invalid-input', `"${file}" is too large to be a Studyline backup.`);
  const report = await core.importProgress(await readFile(file, 'utf8'));
  return ok(
    report,
    report.summary.join('\n') + `\nYour data before the import is kept in ${report.backupPath}`,
  );
}

/** A file the learner named: written whole or not at all, with the reason in words. */
async function save(file: string, text: string, fs: DurableFs = nodeFs): Promise<void> {
  try {
    await replaceFile(fs, file, text);
  } catch (error) {
    throw diskError(error, `"${file}"`, 'chosen file');
  }
}

export const PACE_COMMANDS: Record<string, Command> = {
  plan: { writes: true, flags: ['start', 'pace', 'per-week', 'days', 'remind'], run: setPlan },
  pause: {
    writes: true,
    run: async (core, cmd) => {
      const v = await core.pause(one(cmd, 'a course id'));
      return ok(v, format.plan(v));
    },
  },
  resume: {
    writes: true,
    run: async (core, cmd) => {
      const v = await core.resume(one(cmd, 'a course id'));
      return ok(v, format.plan(v));
    },
  },
  'catch-up': {
    writes: true,
    run: async (core, cmd) => {
      const v = await core.catchUp(one(cmd, 'a course id'));
      return ok(v, format.plan(v));
    },
  },
  done: {
    writes: true,
    flags: ['up-to'],
    run: async (core, cmd) => {
      const emailId = one(cmd, 'an email id');
      if (cmd.flags['up-to']) {
        const result = await core.setDoneUpTo(emailId);
        const count = result.emailIds.length;
        return ok(
          result,
          count === 0
            ? `Already done: ${emailId} and every email before it.`
            : `Marked done: ${count} email${count === 1 ? '' : 's'}, up to ${emailId}.`,
        );
      }
      const s = await core.setDone(emailId, true);
      return ok(s, `Marked done: ${s.emailId}`);
    },
  },
  undone: {
    writes: true,
    run: async (core, cmd) => {
      const s = await core.setDone(one(cmd, 'an email id'), false);
      return ok(s, `Marked not done: ${s.emailId}`);
    },
  },
  note: {
    writes: true,
    run: async (core, cmd) => {
      const [emailId, text] = two(cmd, 'an email id', 'the note');
      const s = await core.setNote(emailId, text);
      return ok(s, s.note ? `Note saved on ${emailId}.` : `Note removed from ${emailId}.`);
    },
  },
  agenda: {
    writes: false,
    flags: ['days'],
    run: async (core, cmd) => {
      if (cmd.positionals.length) throw usage('"agenda" takes no arguments (use --days N).');
      const days = cmd.flags.days === undefined ? 7 : Number(cmd.flags.days);
      if (!Number.isInteger(days) || days < 1 || days > 366)
        throw usage('--days takes a number of days from 1 to 366.');
      const agenda = await core.agenda(days);
      return ok(agenda, format.agenda(agenda));
    },
  },
  reminders: {
    writes: false,
    run: async (core, cmd) => {
      if (cmd.positionals.length) throw usage('"reminders" takes no arguments.');
      const view = await core.reminders();
      return ok(view, format.reminders(view, core.settings()));
    },
  },
  'export-ics': {
    writes: false,
    run: async (core, cmd, io) => {
      const [courseId, file] = two(cmd, 'a course id', 'a file name');
      const ics = await core.exportIcs(courseId);
      await save(file, ics.text, io.fs);
      return ok({ path: file }, `Saved the plan of ${courseId} as a calendar: ${file}`);
    },
  },
  'export-progress': {
    writes: false,
    run: async (core, cmd, io) => {
      const file = one(cmd, 'a file name');
      await save(file, (await core.exportProgress()).text, io.fs);
      return ok({ path: file }, `Saved your progress and plans to ${file}`);
    },
  },
  'import-progress': { writes: true, run: importProgress },
};
