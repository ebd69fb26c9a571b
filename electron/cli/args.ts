import { parseArgs } from 'node:util';
import { StudylineError } from '../core/errors';

export interface GlobalOptions {
  data?: string;
  json: boolean;
  timeoutSeconds?: number;
  now?: string;
  help: boolean;
}

export interface ParsedCommand {
  global: GlobalOptions;
  command?: string;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

/** Every option any command takes; which command accepts which is checked by the command. */
const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  course: { type: 'string' },
  feed: { type: 'string' },
  live: { type: 'string' },
  name: { type: 'string' },
  fallback: { type: 'string' },
  start: { type: 'string' },
  pace: { type: 'string' },
  'per-week': { type: 'string' },
  days: { type: 'string' },
  remind: { type: 'string' },
  'up-to': { type: 'boolean' },
  in: { type: 'string' },
  limit: { type: 'string' },
  off: { type: 'boolean' },
  'no-responses': { type: 'boolean' },
} as const;

export function parseCommandLine(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage((error as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
    throw usage(`--timeout takes a number of seconds between 1 and 600, not "${values.timeout}".`);
  }
  const [command, ...rest] = positionals;
  const { data, json, now, help, timeout: _timeout, ...flags } = values;
  return {
    global: { data, json: Boolean(json), timeoutSeconds, now, help: Boolean(help) },
    command,
    positionals: rest,
    flags,
  };
}

export function usage(message: string): StudylineError {
  return new StudylineError('usage', message, { hint: 'Run `studyline --help` for the commands.' });
}

export const HELP = `Studyline: follow an open email course at your own pace.

Usage: npm run -s studyline -- [--data DIR] [--json] [--timeout S] <command>

Commands:
  catalog                         the courses and sequences you can follow
  follow <sequence-id|url>        follow a catalog sequence, or any course blog/category/feed URL
  unfollow <course-id>            stop following a course (its progress is kept)
  courses                         the courses you follow
  add-group <course-id> --live URL [--feed URL] [--name N] [--fallback GROUP-ID]
                                  add a study group (a live page, and its feed if it has one)
  sync [--course ID]              fetch new emails and group posts (the whole archive the first time)
  sources                         every feed, its state and last error
  status                          data folder, courses, feeds and notices
  emails <course-id>              the course's emails in sequence order
  show <email-id>                 read one email and its responses (--no-responses: the email only)
  groups <course-id>              the course's study groups and how active they are
  search QUERY [--course ID] [--in emails,notes,groups] [--limit N]
                                  find emails, your notes and group posts ("quoted phrase", prefix, typo)

Your own pace (add --now ISO-DATETIME and TZ=Zone to answer for another moment):
  plan <course-id> [--start DATE] [--pace F | --per-week N] [--days mon,wed,fri] [--remind HH:MM]
                                  show or change your plan (F: 1 as sent, 0.5 half speed; or as-sent)
  pause <course-id> | resume <course-id>
  catch-up <course-id>            when behind: the earliest open email becomes due today
  done <email-id> [--up-to] | undone <email-id>
                                  --up-to: this email and every earlier one of its course
  note <email-id> TEXT            a personal note (empty text removes it)
  status [--course ID]            progress: done, on track or behind, next due, streak, finish
  agenda [--days N]               what is due, day by day (default 7 days)
  reminders                       what would be reminded, and when
  export-ics <course-id> FILE     the plan as a calendar (.ics)
  export-progress FILE            progress and plans as one backup file
  import-progress FILE            import a backup (your current data is kept aside first)

Your other computers:
  share FOLDER                    keep your progress, plans, notes and settings in step through a
                                  folder your sync service shares (Syncthing, Dropbox, OneDrive…)
  share                           look at the shared folder now: in step with which computers
  share --off                     stop sharing (what was shared stays in the folder)

Options:
  --data DIR      data folder (default: the desktop app's; or STUDYLINE_DATA)
  --json          print one JSON document on stdout
  --timeout S     seconds to wait for each feed (default 20)
  --now ISO       answer as if it were then (e.g. 2026-12-01T08:00)

Exit status: 0 all went well, 1 something failed (what worked is saved), 2 usage error.`;
