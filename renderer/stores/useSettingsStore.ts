import { create } from 'zustand';
import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings, RemindersView } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import type { ListState } from './useReaderStore';

interface SettingsState {
  settings?: AppSettings;
  /** When the next reminder comes; absent until the settings were opened once. */
  reminders?: RemindersView;
  state: ListState;
  error?: string;
  /** A change the core refused; the settings on screen are the saved ones. */
  saveError?: string;
  /** "Saved", for the live region. */
  announcement?: string;
  actions: {
    load(options?: { withReminders?: boolean }): Promise<void>;
    update(patch: SettingsPatch): Promise<void>;
    snooze(choice: 'hour' | 'tomorrow'): Promise<void>;
  };
}

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

export const useSettingsStore = create<SettingsState>()((set, get) => {
  const readReminders = async () => {
    try {
      set({ reminders: await studyline()['reminders:get']() });
    } catch {
      // The next-reminder line is a courtesy: the settings themselves still work.
      set({ reminders: undefined });
    }
  };

  return {
    state: 'idle',
    actions: {
      async load(options = {}) {
        if (!get().settings) set({ state: 'loading', error: undefined });
        try {
          set({ settings: await studyline()['settings:get'](), state: 'ready', error: undefined });
        } catch (error) {
          set({ state: 'error', error: errorText(error) });
        }
        if (options.withReminders || get().reminders) await readReminders();
      },
      async update(patch) {
        const before = get().settings;
        set({
          settings: before && patched(before, patch),
          saveError: undefined,
          announcement: undefined,
        });
        try {
          const settings = await studyline()['settings:set'](patch);
          set({ settings, announcement: 'Saved.' });
          await readReminders();
        } catch (error) {
          // The saved settings come back on screen: nothing was changed.
          set({ settings: before, saveError: errorText(error) });
        }
      },
      async snooze(choice) {
        set({ saveError: undefined, announcement: undefined });
        try {
          const settings = await studyline()['reminders:snooze'](choice);
          set({
            settings,
            announcement: choice === 'hour' ? 'Snoozed for an hour.' : 'Snoozed until tomorrow.',
          });
          await readReminders();
        } catch (error) {
          set({ saveError: errorText(error) });
        }
      },
    },
  };
});

export const useSettingsActions = () => useSettingsStore((state) => state.actions);
