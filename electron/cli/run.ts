import { openStudyline } from '../core/app/open-studyline';
import { describeError, isStudylineError, StudylineError } from '../core/errors';
import { resolveDataDir } from '../core/library/data-dir';
import type { DurableFs } from '../core/library/durable-fs';
import { HELP, parseCommandLine, usage } from './args';
import { COMMANDS } from './commands';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The page worker script of the built command (out/cli/page-worker.js). */
  pageWorkerEntry?: string;
  /** The file system underneath; tests swap it to play a full or read-only disk. */
  fs?: DurableFs;
}

/** Exit codes: 0 all went well, 1 something failed (the rest saved), 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<0 | 1 | 2> {
  let json = argv.includes('--json');
  // Files restored while this command ran: told once, whichever command it is.
  const raised: string[] = [];
  try {
    const cmd = parseCommandLine(argv);
    json = cmd.global.json;
    if (cmd.global.help || !cmd.command || cmd.command === 'help') {
      io.stdout(HELP);
      return cmd.command || cmd.global.help ? 0 : 2;
    }
    const command = COMMANDS[cmd.command];
    if (!command) throw usage(`Unknown command "${cmd.command}".`);
    const unexpected = Object.keys(cmd.flags).filter(
      (flag) => cmd.flags[flag] !== undefined && !(command.flags ?? []).includes(flag),
    );
    if (unexpected.length > 0) throw usage(`"${cmd.command}" does not take --${unexpected[0]}.`);
    const now = parseNow(cmd.global.now);
    const core = await openStudyline({
      onNotice: (message) => raised.push(message),
      fs: io.fs,
      dataDir: resolveDataDir(cmd.global.data, io.env),
      owner: 'cli',
      readOnly: !command.writes,
      timeoutMs: cmd.global.timeoutSeconds ? cmd.global.timeoutSeconds * 1000 : undefined,
      // A catalog file of one's own (tests, a course not in the built-in catalog yet).
      catalogPath: io.env.STUDYLINE_CATALOG || undefined,
      now,
      zone: io.env.TZ || undefined,
      pageWorkerEntry: io.pageWorkerEntry,
    });
    try {
      const result = await command.run(core, cmd, {
        progress: (line) => io.stderr(line),
        fs: io.fs,
      });
      const output = json ? JSON.stringify(result.json, null, 2) : result.text;
      io.stdout(output);
      tellNotices(raised.splice(0), output, io);
      return result.exitCode;
    } finally {
      await core.close();
    }
  } catch (error) {
    tellNotices(raised, '', io);
    const exitCode = isUsage(error) ? 2 : 1;
    io.stderr(`studyline: ${describeError(error)}`);
    if (json) {
      const code = isStudylineError(error) ? error.code : 'unexpected';
      io.stdout(JSON.stringify({ error: { code, message: describeError(error) } }, null, 2));
    }
    return exitCode;
  }
}

/** Notices the command's own output did not already show go to stderr. */
function tellNotices(messages: string[], output: string, io: CliIo): void {
  for (const message of messages) {
    const shown = output.includes(message) || output.includes(JSON.stringify(message).slice(1, -1));
    if (!shown) io.stderr(`NOTICE: ${message}`);
  }
}

/** A command line that cannot mean anything (exit 2); an unknown id is a failure (exit 1). */
function isUsage(error: unknown): boolean {
  return isStudylineError(error) && ['usage', 'bad-url', 'invalid-input'].includes(error.code);
}

/** `--now` makes every answer reproducible (tests, "what would happen on…"). */
function parseNow(value: string | undefined): (() => Date) | undefined {
  if (value === undefined) return undefined;
  const fixed = new Date(value);
  if (Number.isNaN(fixed.getTime())) {
    throw new StudylineError(
      'usage',
      `--now takes a date and time such as 2026-11-28T09:00, not "${value}".`,
    );
  }
  return () => new Date(fixed);
}
