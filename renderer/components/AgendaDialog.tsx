import type { Agenda, AgendaEntry } from '../../electron/shared/types';
import { dueLabel, formatDay } from '../lib/plan-dates';
import { AGENDA_DAYS, useAgenda } from '../queries/agenda';
import { useCourses } from '../queries/library';
import { useUiActions } from '../stores/useUiStore';
import { Dialog } from './Dialog';
import { LoadError, StateMessage } from './StateMessage';

function Entries({
  entries,
  today,
  many,
}: {
  entries: AgendaEntry[];
  today: string;
  many: boolean;
}) {
  const { reveal } = useUiActions();
  // That course, that email, in the library; the dialog closes with it.
  const show = (entry: AgendaEntry) => reveal(entry.courseId, entry.emailId);
  return (
    <ul className="agenda-entries">
      {entries.map((entry) => {
        const late = dueLabel(entry.dueOn, today, entry.done);
        return (
          <li key={entry.emailId} className={`agenda-entry${entry.done ? ' is-done' : ''}`}>
            <span className="agenda-mark" aria-hidden="true">
              {entry.done ? '✓' : '·'}
            </span>
            <button type="button" className="link-button" onClick={() => show(entry)}>
              #{entry.order} {entry.title || 'Untitled email'}
            </button>
            <span className="agenda-meta">
              {entry.done ? 'done' : entry.dueOn < today ? late?.text : ''}
              {many ? ` ${entry.courseTitle}` : ''}
              {entry.paused ? ' (paused)' : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function AgendaDays({ agenda, many }: { agenda: Agenda; many: boolean }) {
  const { today } = agenda;
  const days = agenda.days.filter((day) => day.entries.length > 0 || day.date === today);
  return (
    <>
      {agenda.overdue.length > 0 && (
        <section className="agenda-day is-overdue" aria-labelledby="agenda-overdue">
          <h3 id="agenda-overdue">Overdue</h3>
          <Entries entries={agenda.overdue} today={today} many={many} />
        </section>
      )}
      {days.map((day) => (
        <section key={day.date} className="agenda-day" aria-labelledby={`agenda-${day.date}`}>
          <h3 id={`agenda-${day.date}`}>
            {day.date === today ? 'Today, ' : ''}
            {formatDay(day.date, { today })}
          </h3>
          {day.entries.length > 0 ? (
            <Entries entries={day.entries} today={today} many={many} />
          ) : (
            <p className="agenda-empty">Nothing due today.</p>
          )}
        </section>
      ))}
      <p className="agenda-note">
        {days.length <= 1 && agenda.overdue.length === 0
          ? `Nothing else is due in the next ${AGENDA_DAYS} days.`
          : `Days with nothing due are left out.`}
      </p>
    </>
  );
}

/** The next 14 days of every course, day by day; an email opens from here. */
export function AgendaDialog() {
  const query = useAgenda();
  const agenda = query.data;
  const many = useCourses().length > 1;
  const { closeDialog } = useUiActions();

  let body;
  if (query.isError && !agenda) {
    body = (
      <LoadError
        title="The agenda could not be read"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (!agenda) body = <StateMessage tone="loading" title="Reading your plan…" />;
  else body = <AgendaDays agenda={agenda} many={many} />;

  return (
    <Dialog
      title="Agenda"
      subtitle={`What is due in the next ${AGENDA_DAYS} days`}
      onClose={closeDialog}
      className="agenda-dialog"
    >
      {body}
    </Dialog>
  );
}
