import type { AppSettings, CourseView } from '../../electron/shared/types';
import { useNow } from '../hooks/useNow';
import { formatMoment } from '../lib/dates';
import { useSettingsActions, useSettingsStore } from '../stores/useSettingsStore';

function snoozedUntil(settings: AppSettings, now: number): string | undefined {
  const until = settings.reminders.snoozedUntil;
  return until && Date.parse(until) > now ? until : undefined;
}

function ReminderState({ settings }: { settings: AppSettings }) {
  const reminders = useSettingsStore((s) => s.reminders);
  const { update, snooze } = useSettingsActions();
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
            onClick={() => void update({ remindersEnabled: true })}
          >
            Stop snoozing
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => void snooze('hour')}>
              Snooze for an hour
            </button>
            <button type="button" className="button" onClick={() => void snooze('tomorrow')}>
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
}: {
  settings: AppSettings;
  courses: CourseView[];
}) {
  const { update } = useSettingsActions();
  const { enabled, offCourseIds } = settings.reminders;
  return (
    <section className="settings-section" aria-labelledby="settings-reminders">
      <h3 id="settings-reminders">Reminders</h3>
      <label className="check-row">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => void update({ remindersEnabled: event.target.checked })}
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
                  void update({
                    courseReminders: { courseId: course.id, enabled: event.target.checked },
                  })
                }
              />
              <span>{course.title}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ReminderState settings={settings} />
    </section>
  );
}
