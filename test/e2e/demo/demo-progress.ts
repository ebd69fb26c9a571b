import { openStudyline } from '../../../electron/core/app/open-studyline';
import type { PlanInput } from '../../../electron/shared/types';
import type { DemoFeeds } from './demo-feeds';

const DAY_MS = 86_400_000;

/** Today's local date as the core sees it, `days` from now. */
function dayFromNow(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A plan at the pace the emails were sent, every day a study day, started `days` from today. */
export function asSentFrom(days: number): PlanInput {
  return {
    startOn: dayFromNow(days),
    pace: { kind: 'as-sent' },
    studyDays: [0, 1, 2, 3, 4, 5, 6],
    remindAt: '09:00',
  };
}

/**
 * A learner three weeks in: followed 20 days ago, reading at the pace the
 * emails were sent (one every 4 days), five emails done, the last three on
 * the last three days (a streak), and the sixth due today. Marks are made
 * with the core's clock set to the day they happened.
 */
export async function buildDemoLibrary(dataDir: string, feeds: DemoFeeds): Promise<string> {
  let offsetDays = 0;
  const core = await openStudyline({
    dataDir,
    owner: 'cli',
    catalogPath: feeds.catalogPath,
    timeoutMs: 5_000,
    now: () => new Date(Date.now() + offsetDays * DAY_MS),
  });
  try {
    const course = await core.follow({ sequenceId: 'seq21oct13' });
    const report = await core.sync({ courseId: course.id });
    if (!report.ok) throw new Error(`demo sync failed: ${JSON.stringify(report.results)}`);
    await core.setPlan(course.id, asSentFrom(-20));
    const emails = await core.emails(course.id);
    const doneOn = [-20, -15, -3, -2, -1];
    for (const [index, email] of emails.slice(0, 5).entries()) {
      offsetDays = doneOn[index]!;
      await core.email(email.id, { markOpened: true });
      await core.setDone(email.id, true);
    }
    offsetDays = 0;
    await core.setNote(
      emails[4]!.id,
      'elif chains: ask the group whether a dict lookup would be clearer here.',
    );
    await core.setStarred(emails[4]!.id, true);
    return course.id;
  } finally {
    await core.close();
  }
}
