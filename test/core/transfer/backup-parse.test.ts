import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import type { ProgressFile } from '../../../electron/core/library/model';
import { emptyProgress } from '../../../electron/core/library/progress-store';
import { applyBackup, createBackup, parseBackup } from '../../../electron/core/transfer/backup';
import { laptopProgress, seqEmail } from './backup-fixtures';

const GOOD = createBackup(laptopProgress(), '2026-12-06T18:00:00.000Z', '0.1.0').text;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call,
   @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument --
   hand edits of the backup's JSON put wrong types in on purpose: they are untyped here. */

/** The backup as JSON, changed the way a hand edit would. */
function edited(change: (data: Record<string, any>) => void): string {
  const data = JSON.parse(GOOD);
  change(data);
  return JSON.stringify(data, null, 2);
}

/** What the facade does: validate everything, and only then merge. */
function importInto(current: ProgressFile, text: string): ProgressFile {
  return applyBackup(current, parseBackup(text)).next;
}

function refusal(text: string): StudylineError {
  const current = emptyProgress();
  current.emails = { [seqEmail(9)]: { doneAt: '2026-12-01T09:00:00.000Z' } };
  const copy = structuredClone(current);
  let caught: unknown;
  try {
    importInto(current, text);
  } catch (error) {
    caught = error;
  }
  expect(current).toEqual(copy);
  expect(caught).toBeInstanceOf(StudylineError);
  return caught as StudylineError;
}

describe('parseBackup refuses bad files with a clear message and changes nothing', () => {
  it.each([
    [
      'a truncated file',
      GOOD.slice(0, Math.floor(GOOD.length / 2)),
      /incomplete or damaged: it is cut short/,
    ],
    ['an empty file', '  \n', /This backup file is empty/],
    [
      'a file that is not JSON',
      'BEGIN:VCALENDAR\r\nVERSION:2.0',
      /not a Studyline backup: it is not JSON/,
    ],
    [
      'JSON of another program',
      JSON.stringify({ format: 'anki-export', version: 1 }),
      /^This file is not a Studyline backup\.$/,
    ],
    ['a JSON list', '[1, 2, 3]', /^This file is not a Studyline backup\.$/],
    [
      'progress.json itself',
      JSON.stringify(laptopProgress()),
      /copy of Studyline’s own progress file/,
    ],
    [
      'a backup without a version',
      edited((d) => delete d.version),
      /no valid version number \(nothing\)/,
    ],
  ])('%s', (_label, text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/^Nothing was imported: your data is unchanged\./);
  });

  it('a backup from a newer version asks to update Studyline', () => {
    const error = refusal(
      edited((d) => Object.assign(d, { version: 2, app: '3.0.0', somethingNew: [] })),
    );
    expect(error.code).toBe('newer-version');
    expect(error.fullMessage).toBe(
      'This backup was made by a newer version of Studyline (3.0.0). Update Studyline, then import it again.',
    );
  });

  it.each([
    [
      'a hand-edited done date',
      edited((d) => (d.emails[seqEmail(1)].doneAt = '2026-13-45T09:00:00Z')),
      `The progress of email "${seqEmail(1)}" in the backup is not valid: the date it was done (“2026-13-45T09:00:00Z”) is not a date and time.`,
    ],
    [
      'an impossible start date',
      edited((d) => (d.plans.seq21oct13.startOn = '2026-02-30')),
      'The plan of "seq21oct13" in the backup is not valid: the start date (“2026-02-30”) is not a real date.',
    ],
    [
      'a pace of 0',
      edited((d) => (d.plans.seq21oct13.pace = { kind: 'factor', factor: 0 })),
      'The plan of "seq21oct13" in the backup is not valid: a pace of 0 times the original speed is not possible.',
    ],
    [
      'an email state with a field of its own',
      edited((d) => (d.emails[seqEmail(2)] = { done: true })),
      `The progress of email "${seqEmail(2)}" in the backup is not valid: it has a field Studyline does not know (done).`,
    ],
    [
      'an email state that is not a set of fields',
      edited((d) => (d.emails[seqEmail(2)] = 'done')),
      `The progress of email "${seqEmail(2)}" in the backup is not valid: it is “done” instead of fields such as doneAt, openedAt, starred and note.`,
    ],
    [
      'a star that is not true or false',
      edited((d) => (d.emails[seqEmail(2)].starred = 'yes')),
      `The progress of email "${seqEmail(2)}" in the backup is not valid: “starred” (“yes”) is not true or false.`,
    ],
    [
      'an email id that could reach outside the library',
      edited((d) => (d.emails['../../progress'] = { doneAt: '2026-12-01T09:00:00Z' })),
      'The backup has progress for an email with an impossible id (“../../progress”).',
    ],
    [
      'a course whose archive is not a web address',
      edited((d) => (d.courses[1].archiveUrl = 'file:///etc/passwd')),
      'The course "SQL by email" in the backup is not valid: its archive address (“file:///etc/passwd”) is not a web address.',
    ],
    [
      'a course without a title',
      edited((d) => delete d.courses[1].title),
      'Course number 2 in the backup is not valid: its title is missing.',
    ],
    [
      'a broken group',
      edited((d) => (d.courses[0].groups[1].liveUrl = 42)),
      'The group "My study buddies" of the course "Learn Python (October 2013)" in the backup is not valid: its address (42) is not text.',
    ],
    [
      'a course listed twice',
      edited((d) => d.courses.push({ ...d.courses[1], id: 'sql-again' })),
      'The backup lists the course "SQL by email" twice.',
    ],
    [
      'a plan for a course it does not include',
      edited((d) => (d.plans.french = d.plans.seq21oct13)),
      'The backup has a plan for "french", a course it does not include.',
    ],
    [
      'an unknown theme',
      edited((d) => (d.settings.theme = 'purple')),
      'The settings part of the backup is not valid: the theme (“purple”) is not system, light or dark.',
    ],
    [
      'emails that are a list',
      edited((d) => (d.emails = [])),
      'This backup is not valid: its email progress ([]) is not a set of emails.',
    ],
  ])('%s', (_label, text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(message);
  });
  it('a broken plan keeps the advice on what would be possible', () => {
    const error = refusal(
      edited((d) => (d.plans.seq21oct13.pace = { kind: 'per-week', perWeek: 500 })),
    );
    expect(error.message).toBe(
      'The plan of "seq21oct13" in the backup is not valid: 500 emails per week is not possible.',
    );
    expect(error.hint).toBe(
      'Nothing was imported: your data is unchanged. Choose a whole number of emails per week from 1 to 100.',
    );
  });
});

describe('parseBackup accepts what a learner may meet', () => {
  it('a backup from an older version that lacks later settings', () => {
    const backup = parseBackup(
      edited((d) => {
        delete d.settings.startAtLogin;
        delete d.reminders;
      }),
    );
    const { next } = applyBackup(emptyProgress(), backup);
    expect(next.settings.startAtLogin).toBe(false);
    expect(next.reminders.settings.enabled).toBe(true);
    expect(next.settings.theme).toBe('dark');
  });

  it('a file saved by an editor with a byte-order mark, and a stale reminder switch', () => {
    const text = `\uFEFF${edited((d) => d.reminders.offCourseIds.push('gone'))}`;
    expect(parseBackup(text).reminders.offCourseIds).toEqual(['sql']);
  });
});
