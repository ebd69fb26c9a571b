import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { patched } from '../lib/settings-patch';
import { studyline } from '../lib/studyline-api';
import { keys, mutationKeys } from './keys';

export type SettingsChange =
  { kind: 'patch'; patch: SettingsPatch } | { kind: 'snooze'; choice: 'hour' | 'tomorrow' };

/**
 * The settings as the learner just set them: changes still being saved are
 * drawn over the saved ones, so a switch moves when clicked and stays put
 * (a re-read from before the click cannot flip it back).
 */
export function useSettings() {
  const query = useQuery({
    queryKey: keys.settings(),
    queryFn: () => studyline()['settings:get'](),
  });
  const pending = useMutationState({
    filters: { mutationKey: mutationKeys.settings(), status: 'pending' },
    select: (mutation) => mutation.state.variables as SettingsChange,
  });
  const settings = useMemo(
    () =>
      query.data &&
      pending.reduce<AppSettings>(
        (shown, change) => (change.kind === 'patch' ? patched(shown, change.patch) : shown),
        query.data,
      ),
    [query.data, pending],
  );
  return { settings, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

/** When the next reminder comes (the settings dialog shows it). */
export function useReminders() {
  return useQuery({
    queryKey: keys.reminders(),
    queryFn: () => studyline()['reminders:get'](),
  });
}

/** Saves a setting or a snooze; the reply is what the core kept. */
export function useChangeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.settings(),
    mutationFn: (change: SettingsChange) =>
      change.kind === 'patch'
        ? studyline()['settings:set'](change.patch)
        : studyline()['reminders:snooze'](change.choice),
    onSuccess: (settings) => queryClient.setQueryData(keys.settings(), settings),
  });
}

function doneText(change: SettingsChange): string {
  if (change.kind === 'patch') return 'Saved.';
  return change.choice === 'hour' ? 'Snoozed for an hour.' : 'Snoozed until tomorrow.';
}

/** What the last settings change did: "Saved." for the live region, or why it was refused. */
export function useSettingsOutcome(): { announcement?: string; saveError?: string } {
  const changes = useMutationState({
    filters: { mutationKey: mutationKeys.settings() },
    select: (mutation) => ({
      status: mutation.state.status,
      error: mutation.state.error,
      change: mutation.state.variables as SettingsChange,
    }),
  });
  const last = changes.at(-1);
  if (!last || last.status === 'pending') return {};
  const refused = changes.filter((c) => c.status === 'error').at(-1);
  return {
    announcement: last.status === 'success' ? doneText(last.change) : undefined,
    saveError: refused && refused === last ? errorText(refused.error) : undefined,
  };
}
