import type { SettingsPatch } from '../../shared/contract';
import type { AppSettings } from '../../shared/types';
import type { ProgressFile } from '../library/model';
import type { ProgressStore } from '../library/progress-store';

export function settingsOf(data: Readonly<ProgressFile>): AppSettings {
  return { ...data.settings, reminders: { ...data.reminders.settings } };
}

export async function updateSettings(
  progress: ProgressStore,
  patch: SettingsPatch,
): Promise<AppSettings> {
  await progress.update((draft) => {
    const { remindersEnabled, courseReminders, ...plain } = patch;
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) Object.assign(draft.settings, { [key]: value });
    }
    const reminders = draft.reminders.settings;
    if (remindersEnabled !== undefined) {
      reminders.enabled = remindersEnabled;
      // Turning reminders back on also ends a snooze.
      if (remindersEnabled) delete reminders.snoozedUntil;
    }
    if (courseReminders) {
      const off = new Set(reminders.offCourseIds);
      if (courseReminders.enabled) off.delete(courseReminders.courseId);
      else off.add(courseReminders.courseId);
      reminders.offCourseIds = [...off];
    }
  });
  return settingsOf(progress.data);
}
