import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmailState } from '../../../electron/core/library/model';
import { emptyProgress } from '../../../electron/core/library/progress-store';
import {
  NOTHING_CHANGED,
  applyBackup,
  createBackup,
  parseBackup,
} from '../../../electron/core/transfer/backup';
import { laptopProgress, seqCourse, seqEmail } from './backup-fixtures';

const NOW = '2026-12-06T18:00:00.000Z';
const IDS = [1, 2, 3, 4, 5, 6].map(seqEmail);

const instantArb = fc
  .integer({ min: 0, max: 60 * 24 * 30 })
  .map((minutes) => new Date(Date.UTC(2026, 11, 1) + minutes * 60_000).toISOString());

const stateArb: fc.Arbitrary<EmailState> = fc.record(
  {
    openedAt: instantArb,
    doneAt: instantArb,
    note: fc.constantFrom('', 'slicing?', 'redo exercise 3'),
    starred: fc.boolean(),
  },
  { requiredKeys: [] },
);

const statesArb = fc.dictionary(fc.constantFrom(...IDS), stateArb, { maxKeys: IDS.length });

function progressWith(emails: Record<string, EmailState>) {
  const progress = emptyProgress();
  progress.courses = [seqCourse()];
  progress.emails = emails;
  return progress;
}

describe('merging email progress', () => {
  it('never un-does, un-stars or erases, takes what the backup sets, and a second import changes nothing', () => {
    fc.assert(
      fc.property(statesArb, statesArb, (here, there) => {
        const current = progressWith(here);
        const copy = structuredClone(current);
        const backup = parseBackup(createBackup(progressWith(there), NOW, '0.1.0').text);
        const { next, report } = applyBackup(current, backup);
        expect(current).toEqual(copy);
        for (const id of IDS) {
          const [before, from, after] = [here[id] ?? {}, there[id] ?? {}, next.emails[id] ?? {}];
          expect(after.doneAt).toBe(from.doneAt ?? before.doneAt);
          expect(after.openedAt).toBe(from.openedAt ?? before.openedAt);
          expect(Boolean(after.starred)).toBe(Boolean(before.starred || from.starred));
          expect(after.note).toBe(from.note || before.note);
        }
        const changed = IDS.filter(
          (id) => JSON.stringify(next.emails[id]) !== JSON.stringify(here[id]),
        );
        expect(report.emailsChanged).toBe(changed.length);
        const again = applyBackup(next, backup);
        expect(again.next).toEqual(next);
        expect(again.report.summary).toEqual([NOTHING_CHANGED]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('merging courses and plans', () => {
  it('a course followed under another id keeps its id; the plan and reminder switch follow it', () => {
    const current = emptyProgress();
    current.courses = [{ ...seqCourse(), id: 'python', groups: [] }];
    const laptop = laptopProgress();
    laptop.reminders.settings.offCourseIds = ['seq21oct13'];
    const { next, report } = applyBackup(
      current,
      parseBackup(createBackup(laptop, NOW, '0.1.0').text),
    );
    expect(next.courses.map((c) => c.id)).toEqual(['python', 'sql']);
    expect(Object.keys(next.plans)).toEqual(['python']);
    expect(next.reminders.settings.offCourseIds).toEqual(['python']);
    expect(report.summary).toContain('Reminders switched off for "Learn Python (October 2013)".');
    expect(report.summary).toContain(
      'Added the group "My study buddies" to "Learn Python (October 2013)".',
    );
  });

  it('a backup with reminders on for a course switches them back on, and leaves other courses alone', () => {
    const current = laptopProgress();
    current.reminders.settings.offCourseIds = ['sql', 'seq21oct13'];
    const laptop = laptopProgress();
    laptop.courses = [seqCourse()];
    const { next, report } = applyBackup(
      current,
      parseBackup(createBackup(laptop, NOW, '0.1.0').text),
    );
    expect(next.reminders.settings.offCourseIds).toEqual(['sql']);
    expect(report.summary).toEqual(['Reminders switched on for "Learn Python (October 2013)".']);
  });

  it('describes the pace of a replaced plan in words', () => {
    const current = laptopProgress();
    const laptop = laptopProgress();
    laptop.plans.seq21oct13 = {
      ...laptop.plans.seq21oct13!,
      startOn: '2027-01-04',
      pace: { kind: 'per-week', perWeek: 3 },
    };
    const { report } = applyBackup(current, parseBackup(createBackup(laptop, NOW, '0.1.0').text));
    expect(report.plansChanged).toEqual(['Learn Python (October 2013)']);
    expect(report.summary).toEqual([
      'Replaced your plan for "Learn Python (October 2013)" (start 2027-01-04, 3 emails a week).',
    ]);
  });
});
