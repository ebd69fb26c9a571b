import { create } from 'zustand';
import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings, RemindersView } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { studyline } from '../lib/studyline-api';
import { trackWrite, writesPending } from './pending-writes';
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
    load: (options?: { withReminders?: boolean }) => Promise<void>;
    update: (patch: SettingsPatch) => Promise<void>;
    snooze: (choice: 'hour' | 'tomorrow') => Promise<void>;
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
  // Saves in flight: an answer (or a re-read) from before the last click would flip a switch back.
  let saving = 0;

  const readReminders = async () => {
    try {
      set({ reminders: await studyline()['reminders:get']() });
    } catch {
      // The next-reminder line is a courtesy: the settings themselves still work.
      set({ reminders: undefined });
    }
  };

  const save = async (request: () => Promise<AppSettings>, done: string, shown?: AppSettings) => {
    const before = get().settings;
    set({ settings: shown ?? before, saveError: undefined, announcement: undefined });
    saving += 1;
    try {
      const settings = await trackWrite(request());
      if (saving === 1) set({ settings, announcement: done });
    } catch (error) {
      // Alone, the saved settings come back on screen; otherwise the re-read after the last save does it.
      set({ saveError: errorText(error), ...(saving === 1 ? { settings: before } : {}) });
    } finally {
      saving -= 1;
    }
    if (saving === 0) await readReminders();
  };

  return {
    state: 'idle',
    actions: {
      async load(options = {}) {
        if (!get().settings) set({ state: 'loading', error: undefined });
        try {
          const settings = await studyline()['settings:get']();
          // While a save is in flight this answer may predate it; the re-read after it follows.
          const stale = get().settings !== undefined && (saving > 0 || writesPending());
          if (!stale) set({ settings, state: 'ready', error: undefined });
        } catch (error) {
          set({ state: 'error', error: errorText(error) });
        }
        if (options.withReminders || get().reminders) await readReminders();
      },
      update(patch) {
        const shown = get().settings;
        return save(
          () => studyline()['settings:set'](patch),
          'Saved.',
          shown && patched(shown, patch),
        );
      },
      snooze(choice) {
        return save(
          () => studyline()['reminders:snooze'](choice),
          choice === 'hour' ? 'Snoozed for an hour.' : 'Snoozed until tomorrow.',
        );
      },
    },
  };
});

export const useSettingsActions = () => useSettingsStore((state) => state.actions);
