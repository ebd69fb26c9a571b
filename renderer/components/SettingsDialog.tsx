import { useCourses } from '../queries/library';
import { useSettingsEditor, useSettingsOutcome } from '../queries/settings';
import { useUiActions } from '../stores/useUiStore';
import { BackupSettings } from './BackupSettings';
import { Dialog } from './Dialog';
import { GeneralSettings } from './GeneralSettings';
import { ReadingSettings } from './ReadingSettings';
import { ReminderSettings } from './ReminderSettings';
import { ShareSettings } from './ShareSettings';
import { LoadError, StateMessage } from './StateMessage';

/** Every setting, saved as soon as it changes, sharing across computers, and the backup. */
export function SettingsDialog() {
  const { settings, error, refetch, change: update } = useSettingsEditor();
  const { announcement, saveError } = useSettingsOutcome();
  const courses = useCourses();
  const { closeDialog } = useUiActions();

  let body;
  if (settings) {
    body = (
      <>
        <ReminderSettings settings={settings} courses={courses} onChange={update} />
        <ReadingSettings
          settings={settings}
          onChange={(patch) => update({ kind: 'patch', patch })}
        />
        <GeneralSettings
          settings={settings}
          onChange={(patch) => update({ kind: 'patch', patch })}
        />
        <ShareSettings />
        <BackupSettings courses={courses} />
      </>
    );
  } else if (error) {
    body = (
      <LoadError
        title="Your settings could not be read"
        error={error}
        onRetry={() => void refetch()}
      />
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
