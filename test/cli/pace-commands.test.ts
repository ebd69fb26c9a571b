import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapturing } from './cli-env';
import type {
  CourseProgressView,
  Email,
  EmailSummary,
  RemindersView,
} from '../../electron/shared/types';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { writeLoopbackCatalog } from '../helpers/test-catalog';
import { makePosts } from '../helpers/wordpress-feed';
import { serveArchive } from '../helpers/wordpress-server';

let server: FeedServer;
let dir: string;
let env: NodeJS.ProcessEnv;

const cli = (...argv: string[]) => runCliCapturing(argv, env);
/** The command's --json answer, read as the view the core answers with. */
async function json<T>(...argv: string[]): Promise<T> {
  return JSON.parse((await cli('--json', ...argv)).stdout) as T;
}
const progress = (...argv: string[]) => json<CourseProgressView>(...argv);
const at = (iso: string) => ['--now', iso];

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-cli-pace-'));
  env = {
    TZ: 'America/New_York',
    STUDYLINE_DATA: join(dir, 'data'),
    STUDYLINE_CATALOG: await writeLoopbackCatalog(dir, server.origin),
  };
  serveArchive(server, { posts: makePosts(12) });
  await cli(...at('2026-11-02T12:00'), 'follow', 'seq21oct13');
  await cli('sync');
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('studyline CLI: own pace', () => {
  it('sets a plan and answers reproducibly for a given --now and TZ', async () => {
    const set = await cli(
      ...at('2026-11-02T12:00'),
      'plan',
      'seq21oct13',
      '--start',
      '2026-11-02',
      '--per-week',
      '3',
      '--days',
      'mon,wed,fri',
      '--remind',
      '07:30',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/3 emails a week, on Mon Wed Fri, reminders at 07:30/);
    const status = await progress(...at('2026-11-09T12:00'), 'status', '--course', 'seq21oct13');
    expect(status.status.standing).toEqual({ kind: 'behind', count: 3 });
    expect(await progress(...at('2026-11-09T12:00'), 'status', '--course', 'seq21oct13')).toEqual(
      status,
    );
    const reminders = await json<RemindersView>(...at('2026-11-09T12:00'), 'reminders');
    expect(reminders.upcoming[0]!.fireAt).toBe('2026-11-09T12:30:00.000Z'); // 07:30 in New York (EST), later that morning
  });

  it('marks emails done, shows the agenda day by day, and catches up', async () => {
    const emails = await json<EmailSummary[]>('emails', 'seq21oct13');
    expect((await cli(...at('2026-11-02T12:00'), 'done', emails[0]!.id)).code).toBe(0);
    expect((await json<EmailSummary[]>('emails', 'seq21oct13'))[0]).toMatchObject({ done: true });
    const agenda = await cli(...at('2026-11-02T12:00'), 'agenda', '--days', '7');
    expect(agenda.stdout).toMatch(/today/);
    expect(agenda.stdout).toContain(emails[1]!.id);
    const caught = await progress(...at('2026-11-20T12:00'), 'catch-up', 'seq21oct13');
    expect(caught.status.standing.kind).not.toBe('behind');
    expect(caught.dueOn[emails[1]!.id]).toBe('2026-11-20');
  });

  it('marks every email up to one done with --up-to, and says when there was nothing left', async () => {
    const ids = (await json<EmailSummary[]>('emails', 'seq21oct13')).map((e) => e.id);
    const id = (n: number) => ids[n] ?? '';
    await cli('done', id(1));
    const upTo = await cli('done', id(4), '--up-to');
    expect(upTo.code).toBe(0);
    expect(upTo.stdout).toBe(`Marked done: 4 emails, up to ${id(4)}.`);
    const after = await json<EmailSummary[]>('emails', 'seq21oct13');
    const expected = ids.map((_, n) => n <= 4);
    expect(after.map((e) => e.done)).toEqual(expected);
    expect((await cli('done', id(3), '--up-to')).stdout).toMatch(/^Already done/);
    expect((await cli('undone', id(0), '--up-to')).code).toBe(2);
  });

  it('keeps a note, pauses and resumes', async () => {
    const emails = await json<EmailSummary[]>('emails', 'seq21oct13');
    expect((await cli('note', emails[2]!.id, 'Ask', 'about', 'loops')).stdout).toMatch(
      /Note saved/,
    );
    expect((await json<Email>('show', emails[2]!.id)).note).toBe('Ask about loops');
    expect((await progress(...at('2026-11-03T12:00'), 'pause', 'seq21oct13')).status.paused).toBe(
      true,
    );
    expect((await progress(...at('2026-11-05T12:00'), 'resume', 'seq21oct13')).status.paused).toBe(
      false,
    );
  });

  it('exports a calendar and a backup, and imports the backup into a fresh folder', async () => {
    const emails = await json<EmailSummary[]>('emails', 'seq21oct13');
    await cli('done', emails[0]!.id);
    const ics = join(dir, 'plan.ics');
    expect((await cli('export-ics', 'seq21oct13', ics)).code).toBe(0);
    expect((await readFile(ics, 'utf8')).match(/BEGIN:VEVENT/g)).toHaveLength(12);
    const backup = join(dir, 'backup.json');
    expect((await cli('export-progress', backup)).code).toBe(0);
    env = { ...env, STUDYLINE_DATA: join(dir, 'other') };
    const imported = await cli('import-progress', backup);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/kept in/);
    expect((await cli('courses')).stdout).toMatch(/seq21oct13/);
  });

  it('rejects bad input with a clear message and changes nothing', async () => {
    const before = await progress('status', '--course', 'seq21oct13');
    // Impossible values are usage errors (2); ids that name nothing are failures (1).
    const cases: [string[], RegExp, number][] = [
      [['plan', 'seq21oct13', '--start', '2026-02-31'], /date/i, 2],
      [['plan', 'seq21oct13', '--pace', '0'], /pace|speed/i, 2],
      [['plan', 'seq21oct13', '--pace', '-1'], /pace|speed/i, 2],
      [['plan', 'seq21oct13', '--days', 'someday'], /not a day of the week/, 2],
      [['done', 'nope.0000000000'], /no email/, 1],
      [['pause', 'no-course'], /not following/, 1],
    ];
    for (const [argv, message, code] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    const truncated = join(dir, 'truncated.json');
    await writeFile(truncated, '{"format":"studyline-backup","version":1,"cour');
    const bad = await cli('import-progress', truncated);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/backup/i);
    expect(await json('status', '--course', 'seq21oct13')).toEqual(before);
  });
});
