import { formatDay } from '../pace/calendar-date';

/** The words of a reminder: kind, never scolding ("no penalty for going slower"). */

export interface ReminderFacts {
  courseTitle: string;
  day: string;
  dueCount: number;
  behind: number;
  next: { title: string; dueOn: string };
  /** Set when the reminder carries a nudge. */
  idleDays?: number;
}

function emails(count: number): string {
  return count === 1 ? '1 email' : `${count} emails`;
}

function dueSentence(facts: ReminderFacts): string {
  const { dueCount, behind, next } = facts;
  const dueToday = dueCount - behind;
  if (behind === 0) {
    const more = dueToday > 1 ? ` (and ${dueToday - 1} more)` : '';
    return `“${next.title}”${more} is due today.`;
  }
  const today = dueToday > 0 ? `, with ${emails(dueToday)} due today` : '';
  return (
    `“${next.title}” is waiting: you are ${emails(behind)} behind${today}. ` +
    'No penalty for going slower: carry on where you left off, or catch up the plan.'
  );
}

function nudgeSentence(facts: ReminderFacts, idleDays: number): string {
  if (facts.dueCount > 0)
    return ` Nothing done for ${idleDays} days: even ten minutes today helps.`;
  return (
    `Nothing done for ${idleDays} days. Next up: “${facts.next.title}”, due ${formatDay(facts.next.dueOn)}. ` +
    'Even ten minutes today keeps the thread.'
  );
}

export function reminderText(facts: ReminderFacts): { title: string; body: string } {
  const due = facts.dueCount > 0 ? dueSentence(facts) : '';
  const nudge = facts.idleDays === undefined ? '' : nudgeSentence(facts, facts.idleDays);
  return { title: facts.courseTitle, body: `${due}${nudge}`.trim() };
}
