import {
  queryOptions,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings } from '../../electron/shared/types';
import { errorText } from '../lib/error-text';
import { patched } from '../lib/settings-patch';
import { studyline } from '../lib/studyline-api';
import { sentOr } from './first-requests';
import { keys, mutationKeys } from './keys';

export type SettingsChange =
  { kind: 'patch'; patch: SettingsPatch } | { kind: 'snooze'; choice: 'hour' | 'tomorrow' };

function withChanges(saved: AppSettings, changes: readonly SettingsChange[]): AppSettings {
  return changes.reduce<AppSettings>(
    (shown, change) => (change.kind === 'patch' ? patched(shown, change.patch) : shown),
    saved,
  );
}

/** The settings as saved (shared with first-reads.ts). */
export const settingsQuery = () =>
  queryOptions({
    queryKey: keys.settings(),
    queryFn: ({ queryKey }) => sentOr(queryKey, () => studyline()['settings:get']()),
  });

function useSavedSettings() {
  return useQuery(settingsQuery());
}

function usePendingChanges(): SettingsChange[] {
  return useMutationState({
    filters: { mutationKey: mutationKeys.settings(), status: 'pending' },
    select: (mutation) => mutation.state.variables as SettingsChange,
  });
}

/**
 * The settings as the learner just set them: changes still being saved are
 * drawn over the saved ones, so a re-read from before a click cannot flip a
 * switch back.
 */
export function useSettings() {
  const query = useSavedSettings();
  const pending = usePendingChanges();
  const settings = useMemo(
    () => query.data && withChanges(query.data, pending),
    [query.data, pending],
  );
  return { settings, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

/**
 * The settings and a way to change them, for the controls that change them.
 * A change is also kept in this component's own state until it is saved:
 * the query cache tells its readers a tick later, and a controlled checkbox
 * that re-renders before then is put back by React (the switch would not
 * move when clicked, or flicker).
 */
export function useSettingsEditor() {
  const query = useSavedSettings();
  const pending = usePendingChanges();
  const mutation = useChangeSettings();
  const [justMade, setJustMade] = useState<SettingsChange[]>([]);
  const { mutate } = mutation;
  const change = useCallback(
    (made: SettingsChange) => {
      setJustMade((list) => [...list, made]);
      mutate(made, { onSettled: () => setJustMade((list) => list.filter((c) => c !== made)) });
    },
    [mutate],
  );
  const settings = useMemo(() => {
    if (!query.data) return undefined;
    const notYetPending = justMade.filter((made) => !pending.includes(made));
    return withChanges(query.data, [...pending, ...notYetPending]);
  }, [query.data, pending, justMade]);
  return { settings, error: query.error, refetch: query.refetch, change };
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
