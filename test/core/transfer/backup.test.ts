import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudylineError } from '../../../electron/core/errors';
import { emptyProgress } from '../../../electron/core/library/progress-store';
import type { ProgressFile } from '../../../electron/core/library/model';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  NOTHING_CHANGED,
  applyBackup,
  createBackup,
  parseBackup,
  writePreImportCopy,
} from '../../../electron/core/transfer/backup';
import { diskFillingFs, tempDir } from '../library/helpers';
import { blogCourse, laptopProgress, seqCourse, seqEmail } from './backup-fixtures';

const NOW = '2026-12-06T18:00:00.000Z';

function exportImport(from: ProgressFile, into: ProgressFile) {
  const { text } = createBackup(from, NOW, '0.1.0');
  return applyBackup(into, parseBackup(text));
}

/** What a learner carries between machines: everything but machine-local state. */
function learnerData(progress: ProgressFile) {
  const { courses, plans, emails, settings } = progress;
  const { enabled, offCourseIds } = progress.reminders.settings;
  return { courses, plans, emails, settings, reminders: { enabled, offCourseIds } };
}

describe('createBackup', () => {
  it('writes one versioned file without notices, shown reminders or the snooze', () => {
    const { fileName, text } = createBackup(laptopProgress(), NOW, '0.1.0');
    expect(fileName).toBe('studyline-backup-2026-12-06.json');
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(data).toMatchObject({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW,
      app: '0.1.0',
    });
    expect(Object.keys(data).sort()).toEqual(
      [
        'app',
        'courses',
        'emails',
        'exportedAt',
        'format',
        'plans',
        'reminders',
        'settings',
        'version',
      ].sort(),
    );
    expect(data.reminders).toEqual({ enabled: true, offCourseIds: ['sql'] });
    expect(text).not.toContain('Restored from backup');
    expect(text).not.toContain('snoozedUntil');
  });

  it('names the file after the local day when given the zone', () => {
    const late = '2026-11-28T23:30:00.000Z';
    expect(createBackup(emptyProgress(), late, '0.1.0', 'Asia/Tokyo').fileName).toBe(
      'studyline-backup-2026-11-29.json',
    );
    expect(createBackup(emptyProgress(), late, '0.1.0', 'America/New_York').fileName).toBe(
      'studyline-backup-2026-11-28.json',
    );
  });

  it('leaves out plans and reminder switches of courses no longer followed', () => {
    const progress = laptopProgress();
    progress.courses = [seqCourse()];
    const data = JSON.parse(createBackup(progress, NOW, '0.1.0').text) as {
      reminders: { offCourseIds: string[] };
    };
    expect(data.reminders.offCourseIds).toEqual([]);
    expect(() => parseBackup(createBackup(progress, NOW, '0.1.0').text)).not.toThrow();
  });
});

describe('export then import', () => {
  it('into an empty data folder brings everything the learner made', () => {
    const { next, report } = exportImport(laptopProgress(), emptyProgress());
    expect(learnerData(next)).toEqual(learnerData(laptopProgress()));
    expect(next.notices).toEqual([]);
    expect(next.reminders.shown).toEqual([]);
    expect(report.coursesAdded).toEqual(['Learn Python (October 2013)', 'SQL by email']);
    expect(report.plansChanged).toEqual(['Learn Python (October 2013)']);
    expect(report.emailsChanged).toBe(4);
    expect(report.summary).toEqual([
      'Added the course "Learn Python (October 2013)".',
      'Added the course "SQL by email".',
      'Set your plan for "Learn Python (October 2013)" (start 2026-12-01, half speed).',
      '3 emails marked done.',
      '1 email marked opened.',
      '1 email starred.',
      '1 note added or updated.',
      'Reminders switched off for "SQL by email".',
      'Settings taken from the backup: sync every 8 hours, dark theme, closing the window quits Studyline, start at login, emails in 20 px text, wide lines.',
    ]);
  });

  it('into another machine merges: adds, replaces plans, and never un-does progress', () => {
    const desktop = emptyProgress();
    const python = { ...seqCourse(), id: 'python', groups: [seqCourse().groups[0]!] };
    const otherSql = { ...blogCourse(), archiveUrl: 'https://other.example.org/sql/feed/' };
    desktop.courses = [python, otherSql];
    desktop.plans = {
      python: { ...laptopProgress().plans.seq21oct13!, pace: { kind: 'as-sent' } },
    };
    desktop.emails = {
      [seqEmail(1)]: { doneAt: '2026-12-02T10:00:00.000Z' },
      [seqEmail(3)]: { note: 'desktop note', starred: true },
      [seqEmail(4)]: { doneAt: '2026-12-06T10:00:00.000Z' },
    };
    desktop.reminders.settings = {
      enabled: false,
      offCourseIds: [],
      snoozedUntil: '2026-12-07T08:00:00.000Z',
    };
    desktop.notices = [{ id: 'd1', at: NOW, level: 'warning', message: 'Desktop notice' }];
    const before = structuredClone(desktop);

    const { next, report } = exportImport(laptopProgress(), desktop);

    expect(desktop).toEqual(before);
    expect(next.courses.map((c) => c.id)).toEqual(['python', 'sql', 'sql-2']);
    expect(next.courses[0]!.groups.map((g) => g.name)).toEqual([
      'r/learnpython',
      'My study buddies',
    ]);
    expect(next.courses[0]!.groups[1]!.fallbackGroupId).toBe('reddit-learnpython');
    expect(next.plans.python).toEqual(laptopProgress().plans.seq21oct13);
    expect(next.plans['sql-2']).toBeUndefined();
    expect(next.emails[seqEmail(1)]!.doneAt).toBe('2026-12-01T09:10:00.000Z');
    expect(next.emails[seqEmail(3)]).toEqual({
      openedAt: '2026-12-05T08:40:00.000Z',
      note: 'Ask about list slicing',
      starred: true,
    });
    expect(next.emails[seqEmail(4)]).toEqual({ doneAt: '2026-12-06T10:00:00.000Z' });
    expect(next.reminders.settings).toEqual({
      enabled: true,
      offCourseIds: ['sql-2'],
      snoozedUntil: '2026-12-07T08:00:00.000Z',
    });
    expect(next.notices).toEqual(before.notices);
    expect(report).toEqual({
      coursesAdded: ['SQL by email'],
      plansChanged: ['Learn Python (October 2013)'],
      emailsChanged: 4,
      summary: [
        'Added the course "SQL by email".',
        'Added the group "My study buddies" to "Learn Python (October 2013)".',
        'Replaced your plan for "Learn Python (October 2013)" (start 2026-12-01, half speed).',
        '2 emails marked done.',
        '1 email marked opened.',
        '1 email starred.',
        '1 note added or updated.',
        'Dates taken from the backup for 1 email already done or opened.',
        'Reminders switched on.',
        'Reminders switched off for "SQL by email".',
        'Settings taken from the backup: sync every 8 hours, dark theme, closing the window quits Studyline, start at login, emails in 20 px text, wide lines.',
      ],
    });
  });

  it('a second import of the same backup says nothing changed', () => {
    const { text } = createBackup(laptopProgress(), NOW, '0.1.0');
    const once = applyBackup(emptyProgress(), parseBackup(text)).next;
    const twice = applyBackup(once, parseBackup(text));
    expect(twice.next).toEqual(once);
    expect(twice.report).toEqual({
      coursesAdded: [],
      plansChanged: [],
      emailsChanged: 0,
      summary: [NOTHING_CHANGED],
    });
  });

  it('importing a backup of the same data changes nothing', () => {
    const { report } = exportImport(laptopProgress(), laptopProgress());
    expect(report.summary).toEqual([NOTHING_CHANGED]);
  });
});

describe('writePreImportCopy', () => {
  it('keeps the data as it was, as a progress.json that can be put back', async () => {
    const dir = await tempDir();
    const now = new Date('2026-12-06T18:00:00.123Z');
    const first = await writePreImportCopy(dir, laptopProgress(), now);
    const second = await writePreImportCopy(dir, emptyProgress(), now);
    expect(path.basename(first)).toBe('progress-before-import-2026-12-06T18-00-00-123Z.json');
    expect(second).not.toBe(first);
    expect(JSON.parse(await readFile(first, 'utf8'))).toEqual(laptopProgress());
    expect(JSON.parse(await readFile(second, 'utf8'))).toEqual(emptyProgress());
    expect((await readdir(path.join(dir, 'backups'))).sort()).toEqual(
      [path.basename(first), path.basename(second)].sort(),
    );
  });

  it('on a full disk says so and leaves no half-written copy', async () => {
    const dir = await tempDir();
    const error = await writePreImportCopy(
      dir,
      laptopProgress(),
      new Date(NOW),
      diskFillingFs(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudylineError);
    expect((error as StudylineError).code).toBe('disk');
    expect((error as StudylineError).message).toContain(
      'a copy of your progress before the import',
    );
    expect(await readdir(path.join(dir, 'backups'))).toEqual([]);
  });
});
