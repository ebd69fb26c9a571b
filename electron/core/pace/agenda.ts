import { StudylineError } from '../errors';
import { addDays, parseDate } from './calendar-date';
import type { Agenda, AgendaDay, AgendaEntry } from '../../shared/pace-types';
import type { Schedule } from './model';

export type { Agenda, AgendaDay, AgendaEntry };

export interface AgendaCourse {
  courseId: string;
  title: string;
  schedule: Schedule;
}

export const MAX_AGENDA_DAYS = 366;

export function buildAgenda(courses: readonly AgendaCourse[], today: string, days: number): Agenda {
  parseDate(today, 'Today');
  if (!Number.isInteger(days) || days < 1 || days > MAX_AGENDA_DAYS) {
    throw new StudylineError(
      'invalid-input',
      `An agenda of ${String(days)} days is not possible.`,
      {
        hint: `Choose from 1 to ${MAX_AGENDA_DAYS} days.`,
      },
    );
  }
  const agendaDays: AgendaDay[] = [];
  const byDate = new Map<string, AgendaEntry[]>();
  for (let step = 0; step < days; step += 1) {
    const day: AgendaDay = { date: addDays(today, step), entries: [] };
    agendaDays.push(day);
    byDate.set(day.date, day.entries);
  }
  const overdue: AgendaEntry[] = [];
  for (const { courseId, title: courseTitle, schedule } of courses) {
    for (const email of schedule.emails) {
      const entry: AgendaEntry = {
        courseId,
        courseTitle,
        emailId: email.id,
        order: email.order,
        title: email.title,
        dueOn: email.dueOn,
        done: email.done,
        paused: schedule.paused,
      };
      if (email.dueOn < today) {
        if (!email.done) overdue.push(entry);
      } else {
        byDate.get(email.dueOn)?.push(entry);
      }
    }
  }
  overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { today, overdue, days: agendaDays };
}
