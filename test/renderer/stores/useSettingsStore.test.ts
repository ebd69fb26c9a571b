import { describe, expect, test } from 'vitest';
import { patched, useSettingsStore } from '../../../renderer/stores/useSettingsStore';
import { installStubApi } from './stub-api';

describe('settings', () => {
  const settings = {
    syncEveryHours: 4,
    theme: 'system' as const,
    closeToTray: true,
    startAtLogin: false,
    reminders: { enabled: true, offCourseIds: [] },
  };

  test('a change shows what the core saved; a refused one keeps the saved settings', async () => {
    installStubApi({
      'settings:get': () => settings,
      'settings:set': (patch) => ({ ...settings, ...(patch as object) }),
      'reminders:get': () => ({ showNow: [], upcoming: [], dueCount: 0 }),
    });
    await useSettingsStore.getState().actions.load();
    await useSettingsStore.getState().actions.update({ theme: 'dark' });
    expect(useSettingsStore.getState().settings?.theme).toBe('dark');
    expect(useSettingsStore.getState().announcement).toBe('Saved.');
    installStubApi({
      'settings:set': () => {
        throw new Error('Studyline is not allowed to write your settings.');
      },
    });
    await useSettingsStore.getState().actions.update({ startAtLogin: true });
    expect(useSettingsStore.getState().settings?.startAtLogin).toBe(false);
    expect(useSettingsStore.getState().saveError).toBe(
      'Studyline is not allowed to write your settings.',
    );
  });

  test('a switch moves at once, the way the core will store it', () => {
    const off = patched(settings, { courseReminders: { courseId: 'c1', enabled: false } });
    expect(off.reminders.offCourseIds).toEqual(['c1']);
    const on = patched(off, { courseReminders: { courseId: 'c1', enabled: true } });
    expect(on.reminders.offCourseIds).toEqual([]);
    expect(patched(settings, { remindersEnabled: false, syncEveryHours: 6 })).toMatchObject({
      syncEveryHours: 6,
      reminders: { enabled: false },
    });
    expect(settings.reminders.offCourseIds).toEqual([]);
  });

  test('a re-read answering while a change is being saved does not flip the switch back', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    installStubApi({
      'settings:get': () => settings,
      'settings:set': (patch) => gate.then(() => ({ ...settings, ...(patch as object) })),
      'reminders:get': () => ({ showNow: [], upcoming: [], dueCount: 0 }),
    });
    await useSettingsStore.getState().actions.load();
    const saving = useSettingsStore.getState().actions.update({ closeToTray: false });
    await useSettingsStore.getState().actions.load();
    expect(useSettingsStore.getState().settings?.closeToTray).toBe(false);
    release();
    await saving;
    expect(useSettingsStore.getState().settings?.closeToTray).toBe(false);
  });
});
