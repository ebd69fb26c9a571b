import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings } from '../../electron/shared/types';

/** The patch as the core will apply it, so a switch moves the moment it is clicked. */
export function patched(settings: AppSettings, patch: SettingsPatch): AppSettings {
  const { remindersEnabled, courseReminders, ...plain } = patch;
  const next = { ...settings, ...plain, reminders: { ...settings.reminders } };
  if (remindersEnabled !== undefined) next.reminders.enabled = remindersEnabled;
  // Turning reminders on also ends a snooze, as the core does.
  if (remindersEnabled) delete next.reminders.snoozedUntil;
  if (courseReminders) {
    const off = next.reminders.offCourseIds.filter((id) => id !== courseReminders.courseId);
    next.reminders.offCourseIds = courseReminders.enabled
      ? off
      : [...off, courseReminders.courseId];
  }
  return next;
}
