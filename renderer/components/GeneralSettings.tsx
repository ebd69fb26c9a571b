import { useId } from 'react';
import type { SettingsPatch } from '../../electron/shared/contract';
import type { AppSettings } from '../../electron/shared/types';

const SYNC_CHOICES: readonly [number, string][] = [
  [0, 'Only when I ask'],
  [1, 'Every hour'],
  [3, 'Every 3 hours'],
  [4, 'Every 4 hours'],
  [6, 'Every 6 hours'],
  [12, 'Every 12 hours'],
  [24, 'Once a day'],
  [168, 'Once a week'],
];

const THEMES: readonly [AppSettings['theme'], string][] = [
  ['system', 'Match the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

function syncChoices(current: number): [number, string][] {
  // A value set elsewhere (the CLI, a backup) stays visible and selected.
  if (SYNC_CHOICES.some(([hours]) => hours === current)) return [...SYNC_CHOICES];
  const own: [number, string] = [current, `Every ${current} hours`];
  return [...SYNC_CHOICES, own].sort((a, b) => a[0] - b[0]);
}

/** The window, login, automatic sync and theme. */
export function GeneralSettings(props: {
  settings: AppSettings;
  onChange: (patch: SettingsPatch) => void;
}) {
  const { settings, onChange: update } = props;
  const syncId = useId();
  const themeName = useId();
  return (
    <section className="settings-section" aria-labelledby="settings-app">
      <h3 id="settings-app">Studyline on this computer</h3>
      <label className="check-row">
        <input
          type="checkbox"
          checked={settings.closeToTray}
          onChange={(event) => update({ closeToTray: event.target.checked })}
        />
        <span>
          Keep running in the tray when I close the window
          <span className="check-hint">So reminders still arrive. Quit from the tray menu.</span>
        </span>
      </label>
      <label className="check-row">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={(event) => update({ startAtLogin: event.target.checked })}
        />
        <span>Start Studyline when I log in</span>
      </label>
      <div className="settings-field">
        <label htmlFor={syncId}>Sync the courses</label>
        <select
          id={syncId}
          value={settings.syncEveryHours}
          onChange={(event) => update({ syncEveryHours: Number(event.target.value) })}
        >
          {syncChoices(settings.syncEveryHours).map(([hours, label]) => (
            <option key={hours} value={hours}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="settings-themes">
        <legend>Theme</legend>
        {THEMES.map(([theme, label]) => (
          <label key={theme} className="check-row">
            <input
              type="radio"
              name={themeName}
              checked={settings.theme === theme}
              onChange={() => update({ theme })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
