import { useEffect } from 'react';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useSettingsActions, useSettingsStore } from '../stores/useSettingsStore';
import { useUiActions } from '../stores/useUiStore';
import { BackupSettings } from './BackupSettings';
import { Dialog } from './Dialog';
import { GeneralSettings } from './GeneralSettings';
import { ReminderSettings } from './ReminderSettings';
import { StateMessage } from './StateMessage';

/** Every setting, saved as soon as it changes, and the backup. */
export function SettingsDialog() {
  const settings = useSettingsStore((s) => s.settings);
  const state = useSettingsStore((s) => s.state);
  const error = useSettingsStore((s) => s.error);
  const saveError = useSettingsStore((s) => s.saveError);
  const announcement = useSettingsStore((s) => s.announcement);
  const courses = useLibraryStore((s) => s.courses);
  const { load } = useSettingsActions();
  const { closeDialog } = useUiActions();

  useEffect(() => {
    void load({ withReminders: true });
  }, [load]);

  let body;
  if (settings) {
    body = (
      <>
        <ReminderSettings settings={settings} courses={courses} />
        <GeneralSettings settings={settings} />
        <BackupSettings courses={courses} />
      </>
    );
  } else if (state === 'error') {
    const retry = (
      <button type="button" className="button" onClick={() => void load({ withReminders: true })}>
        Try again
      </button>
    );
    body = (
      <StateMessage tone="error" title="Your settings could not be read" action={retry}>
        {error}
      </StateMessage>
    );
  } else body = <StateMessage tone="loading" title="Reading your settings…" />;

  return (
    <Dialog
      title="Settings"
      subtitle="Changes are saved as you make them."
      onClose={closeDialog}
      className="settings-dialog"
    >
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {body}
    </Dialog>
  );
}
