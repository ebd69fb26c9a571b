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
        set({ saveError: undefined, announcement: undefined });
        try {
          const settings = await studyline()['settings:set'](patch);
          set({ settings, announcement: 'Saved.' });
          await readReminders();
        } catch (error) {
          set({ saveError: errorText(error) });
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
