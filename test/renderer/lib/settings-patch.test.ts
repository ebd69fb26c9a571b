import { expect, test } from 'vitest';
import { patched } from '../../../renderer/lib/settings-patch';

const settings = {
  syncEveryHours: 4,
  theme: 'system' as const,
  closeToTray: true,
  startAtLogin: false,
  readingFontSize: 17,
  readingWidth: 'medium' as const,
  reminders: { enabled: true, offCourseIds: [], snoozedUntil: '2026-12-01T10:00:00Z' },
};

test('a switch moves at once, the way the core will store it', () => {
  const off = patched(settings, { courseReminders: { courseId: 'c1', enabled: false } });
  expect(off.reminders.offCourseIds).toEqual(['c1']);
  const on = patched(off, { courseReminders: { courseId: 'c1', enabled: true } });
  expect(on.reminders.offCourseIds).toEqual([]);
  expect(patched(settings, { remindersEnabled: false, syncEveryHours: 6 })).toMatchObject({
    syncEveryHours: 6,
    reminders: { enabled: false },
  });
  // Turning reminders on ends a snooze, as the core does; the saved copy is untouched.
  expect(patched(settings, { remindersEnabled: true }).reminders.snoozedUntil).toBeUndefined();
  expect(settings.reminders.offCourseIds).toEqual([]);
});
