import type { AppSettings, CourseView } from '../../electron/shared/types';
import { useNow } from '../hooks/useNow';
import { formatMoment } from '../lib/dates';
import { useReminders } from '../queries/settings';
import type { SettingsChange } from '../queries/settings';

type OnChange = (change: SettingsChange) => void;

function snoozedUntil(settings: AppSettings, now: number): string | undefined {
  const until = settings.reminders.snoozedUntil;
  return until && Date.parse(until) > now ? until : undefined;
}

function ReminderState({ settings, onChange }: { settings: AppSettings; onChange: OnChange }) {
  // The next-reminder line is a courtesy: without it the settings still work.
  const reminders = useReminders().data;
  const now = useNow();
  if (!settings.reminders.enabled) return <p className="settings-note">Reminders are off.</p>;
  const until = snoozedUntil(settings, now.getTime());
  const next = reminders?.nextFireAt;
  return (
    <>
      <p className="settings-note">
        {until
          ? `Snoozed until ${formatMoment(until)}.`
          : next
            ? `Next reminder: ${formatMoment(next)}.`
            : 'No reminder is due in the next two weeks.'}
      </p>
      <div className="settings-inline">
        {until ? (
          <button
            type="button"
            className="button"
            onClick={() => onChange({ kind: 'patch', patch: { remindersEnabled: true } })}
          >
            Stop snoozing
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              onClick={() => onChange({ kind: 'snooze', choice: 'hour' })}
            >
              Snooze for an hour
            </button>
            <button
              type="button"
              className="button"
              onClick={() => onChange({ kind: 'snooze', choice: 'tomorrow' })}
            >
              Snooze until tomorrow
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** Reminders on or off, per course, and the snooze. */
export function ReminderSettings({
  settings,
  courses,
  onChange,
}: {
  settings: AppSettings;
  courses: CourseView[];
  onChange: OnChange;
}) {
  const { enabled, offCourseIds } = settings.reminders;
  return (
    <section className="settings-section" aria-labelledby="settings-reminders">
      <h3 id="settings-reminders">Reminders</h3>
      <label className="check-row">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) =>
            onChange({ kind: 'patch', patch: { remindersEnabled: event.target.checked } })
          }
        />
        <span>
          Remind me when an email is due
          <span className="check-hint">A notification at the time set in each course’s plan.</span>
        </span>
      </label>
      {courses.length > 0 && (
        <fieldset className="settings-courses" disabled={!enabled}>
          <legend>Remind me about</legend>
          {courses.map((course) => (
            <label key={course.id} className="check-row">
              <input
                type="checkbox"
                checked={!offCourseIds.includes(course.id)}
                onChange={(event) =>
                  onChange({
                    kind: 'patch',
                    patch: {
                      courseReminders: { courseId: course.id, enabled: event.target.checked },
                    },
                  })
                }
              />
              <span>{course.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ReminderState settings={settings} onChange={onChange} />
    </section>
  );
}
