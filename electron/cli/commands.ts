import type { StudylineCore } from '../core/app/core-api';
import type { DurableFs } from '../core/library/durable-fs';
import type { NewGroup } from '../shared/contract';
import type { SyncProgress } from '../shared/types';
import { usage, type ParsedCommand } from './args';
import * as format from './format';
import { PACE_COMMANDS } from './pace-commands';
import { SEARCH_COMMAND } from './search-command';
import { SHARE_COMMAND } from './share-command';
import * as paceFormat from './pace-format';

export interface CommandResult {
  json: unknown;
  text: string;
  exitCode: 0 | 1;
}

export interface Command {
  /** Changes the data folder: needs its lock. */
  writes: boolean;
  flags?: readonly string[];
  run(
    core: StudylineCore,
    cmd: ParsedCommand,
    io: { progress: (line: string) => void; fs?: DurableFs },
  ): Promise<CommandResult>;
}

const ok = (json: unknown, text: string): CommandResult => ({ json, text, exitCode: 0 });

function arg(cmd: ParsedCommand, name: string): string {
  const value = cmd.positionals[0];
  if (!value) throw usage(`"${cmd.command}" needs ${name}.`);
  if (cmd.positionals.length > 1) throw usage(`"${cmd.command}" takes only ${name}.`);
  return value;
}

function noArgs(cmd: ParsedCommand): void {
  if (cmd.positionals.length > 0) throw usage(`"${cmd.command}" takes no arguments.`);
}

export const COMMANDS: Record<string, Command> = {
  catalog: {
    writes: false,
    async run(core, cmd) {
      noArgs(cmd);
      const catalog = core.catalog();
      return ok(catalog, format.catalog(catalog));
    },
  },
  follow: {
    writes: true,
    async run(core, cmd) {
      const target = arg(cmd, 'a sequence id or a URL');
      const course = await core.follow(
        /^[a-z0-9-]+$/i.test(target) ? { sequenceId: target } : { url: target },
      );
      return ok(
        course,
        `Following "${course.title}" (id ${course.id}).\nRun \`studyline sync --course ${course.id}\` to fetch its emails.`,
      );
    },
  },
  unfollow: {
    writes: true,
    async run(core, cmd) {
      const courseId = arg(cmd, 'a course id');
      await core.unfollow(courseId);
      return ok(
        { courseId },
        `No longer following ${courseId}. Your progress is kept: follow it again to pick up where you left off.`,
      );
    },
  },
  courses: {
    writes: false,
    async run(core, cmd) {
      noArgs(cmd);
      const courses = await core.courses();
      return ok(courses, format.courses(courses));
    },
  },
  'add-group': {
    writes: true,
    flags: ['feed', 'live', 'name', 'fallback'],
    async run(core, cmd) {
      const courseId = arg(cmd, 'a course id');
      const live = cmd.flags.live;
      if (typeof live !== 'string')
        throw usage('"add-group" needs --live URL (the page learners open to ask for help).');
      const feed = cmd.flags.feed as string | undefined;
      const group: NewGroup = {
        name: (cmd.flags.name as string | undefined) ?? new URL(live).hostname,
        liveUrl: live,
        ...(feed ? { feedUrl: feed } : {}),
        ...(cmd.flags.fallback ? { fallbackGroupId: cmd.flags.fallback as string } : {}),
      };
      const groups = await core.addGroup(courseId, group);
      return ok(groups, format.groups(groups));
    },
  },
  sync: {
    writes: true,
    flags: ['course'],
    async run(core, cmd, io) {
      noArgs(cmd);
      const courseId = cmd.flags.course as string | undefined;
      const report = await core.sync(courseId ? { courseId } : {}, {
        onProgress: (p: SyncProgress) => {
          const line = format.progressLine(p);
          if (line) io.progress(line);
        },
      });
      return { json: report, text: format.syncReport(report), exitCode: report.ok ? 0 : 1 };
    },
  },
  sources: {
    writes: false,
    async run(core, cmd) {
      noArgs(cmd);
      const status = await core.status();
      return ok(status.sources, format.sources(status.sources, status.notices));
    },
  },
  status: {
    writes: false,
    flags: ['course'],
    async run(core, cmd) {
      noArgs(cmd);
      const courseId = cmd.flags.course as string | undefined;
      const status = await core.status();
      const courses = courseId ? [courseId] : status.courses.map((c) => c.id);
      const progress = await Promise.all(courses.map((id) => core.progress(id)));
      const text = courseId ? '' : `${format.status(status)}\n\n`;
      return ok(
        courseId ? progress[0] : { ...status, progress },
        text + progress.map(paceFormat.plan).join('\n\n'),
      );
    },
  },
  ...PACE_COMMANDS,
  share: SHARE_COMMAND,
  emails: {
    writes: false,
    async run(core, cmd) {
      const courseId = arg(cmd, 'a course id');
      const emails = await core.emails(courseId);
      const course = (await core.courses()).find((c) => c.id === courseId);
      return ok(emails, format.emails(emails, course));
    },
  },
  show: {
    writes: false,
    flags: ['no-responses'],
    async run(core, cmd) {
      const { responses, ...rest } = await core.email(arg(cmd, 'an email id'));
      const email = cmd.flags['no-responses'] || !responses ? rest : { ...rest, responses };
      // The HTML-to-text reader is loaded only by the one command that needs it.
      const { emailText } = await import('./email-text');
      return ok(email, emailText(email));
    },
  },
  groups: {
    writes: false,
    async run(core, cmd) {
      const groups = await core.groups(arg(cmd, 'a course id'));
      return ok(groups, format.groups(groups));
    },
  },
  search: SEARCH_COMMAND,
};
