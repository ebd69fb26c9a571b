import type { Agenda, AgendaEntry } from '../core/pace/agenda';
import { formatDay } from '../core/pace/calendar-date';
import type { AppSettings, CourseProgressView, RemindersView } from '../shared/types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function paceText(view: CourseProgressView): string {
  const pace = view.plan.pace;
  if (pace.kind === 'as-sent') return 'as originally sent';
  if (pace.kind === 'factor')
    return pace.factor === 0.5 ? 'half speed' : `${pace.factor}× the original speed`;
  return `${pace.perWeek} emails a week`;
}

function standingText(view: CourseProgressView): string {
  const s = view.status.standing;
  if (view.status.finished) return 'finished';
  if (s.kind === 'behind') return `${s.count} behind`;
  if (s.kind === 'ahead') return `${s.count} ahead`;
  return 'on track';
}

export function plan(view: CourseProgressView): string {
  const { status, plan: p } = view;
  const lines = [
    `${view.courseId}: ${status.done}/${status.total} done (${status.percent}%), ${standingText(view)}${status.paused ? ', paused' : ''}`,
    `  Plan: from ${formatDay(p.startOn, true)}, ${paceText(view)}, on ${p.studyDays.map((d) => WEEKDAYS[d]).join(' ')}, reminders at ${p.remindAt}`,
  ];
  if (status.next) {
    lines.push(
      `  Next: #${status.next.order} "${status.next.title}", due ${formatDay(status.next.dueOn, true)}${status.next.overdue ? ' (overdue)' : ''} [${status.next.emailId}]`,
    );
  }
  lines.push(`  Streak: ${status.streak} study day${status.streak === 1 ? '' : 's'}`);
  if (status.plannedFinishOn)
    lines.push(`  Planned finish: ${formatDay(status.plannedFinishOn, true)}`);
  if (status.estimatedFinishOn)
    lines.push(`  At your actual speed: ${formatDay(status.estimatedFinishOn, true)}`);
  if (view.provisional)
    lines.push(
      '  Provisional: the archive is incomplete, so numbers and due dates may change after `studyline sync`.',
    );
  return lines.join('\n');
}

function entry(e: AgendaEntry): string {
  return `  ${e.done ? '✓' : '·'} ${e.courseId} #${e.order} ${e.title}${e.paused ? ' (paused)' : ''} [${e.emailId}]`;
}

export function agenda(value: Agenda): string {
  const lines: string[] = [];
  if (value.overdue.length) lines.push('Overdue', ...value.overdue.map(entry));
  for (const day of value.days) {
    if (day.entries.length === 0) continue;
    lines.push(
      `${formatDay(day.date, true)}${day.date === value.today ? ' (today)' : ''}`,
      ...day.entries.map(entry),
    );
  }
  return lines.length ? lines.join('\n') : 'Nothing is due in these days.';
}

export function reminders(view: RemindersView, settings: AppSettings): string {
  if (!settings.reminders.enabled) return 'Reminders are switched off.';
  // Local time (TZ): when the learner will actually see it.
  const at = (iso: string) =>
    new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const line = (r: RemindersView['upcoming'][number]) => `  ${at(r.fireAt)}  ${r.title}: ${r.body}`;
  const lines: string[] = [];
  if (view.showNow.length) lines.push('Now:', ...view.showNow.map(line));
  if (view.upcoming.length) lines.push('Coming:', ...view.upcoming.map(line));
  if (settings.reminders.snoozedUntil)
    lines.push(`Snoozed until ${settings.reminders.snoozedUntil}.`);
  return lines.length ? lines.join('\n') : 'No reminders: nothing is due.';
}
