import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StudylineCore } from '../../electron/core/app/core-api';
import { axeViolations, describeViolations } from './axe';

/** What the daily-loop browser tests share: a learner mid-course, and what they see. */

/** A learner with a plan started today at the pace the emails were sent, #1 done already. */
export async function studying(core: StudylineCore): Promise<void> {
  const course = await core.follow({ sequenceId: 'seq21oct13' });
  const report = await core.sync({ courseId: course.id });
  if (!report.ok) throw new Error('the test course did not sync');
  const today = new Date().toLocaleDateString('sv');
  await core.setPlan(course.id, {
    startOn: today,
    pace: { kind: 'as-sent' },
    studyDays: [0, 1, 2, 3, 4, 5, 6],
    remindAt: '09:00',
  });
  const [first] = await core.emails(course.id);
  await core.setDone(first!.id, true);
}

export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });
export const openTitle = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^(Lesson|Welcome)/ }).innerText();

/** Rows of the list wholly inside the list's box: what the learner can see without scrolling. */
export function rowsVisible(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.getElementById('email-list')!.getBoundingClientRect();
    return [...document.querySelectorAll('[role="option"]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= list.top - 1 && box.bottom <= list.bottom + 1 && box.height > 0;
    }).length;
  });
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
}
