import { useId } from 'react';
import type { AppSettings, ReadingWidth } from '../../electron/shared/types';
import type { SettingsPatch } from '../../electron/shared/contract';

const SIZES: readonly [number, string][] = [
  [15, 'Small'],
  [17, 'Medium'],
  [19, 'Large'],
  [22, 'Larger'],
  [26, 'Largest'],
];

const WIDTHS: readonly [ReadingWidth, string][] = [
  ['narrow', 'Narrow'],
  ['medium', 'Medium'],
  ['wide', 'Wide'],
];

interface ReadingSettingsProps {
  settings: AppSettings;
  onChange: (patch: SettingsPatch) => void;
}

/** Text size and line length of the emails (the rest of the window keeps its size). */
export function ReadingSettings({ settings, onChange: update }: ReadingSettingsProps) {
  const sizeId = useId();
  const widthName = useId();
  const sizes = SIZES.some(([size]) => size === settings.readingFontSize)
    ? SIZES
    : [...SIZES, [settings.readingFontSize, `${settings.readingFontSize} px`] as const].sort(
        (a, b) => a[0] - b[0],
      );
  return (
    <section className="settings-section" aria-labelledby="settings-reading">
      <h3 id="settings-reading">Reading</h3>
      <div className="settings-field">
        <label htmlFor={sizeId}>Text size of emails</label>
        <select
          id={sizeId}
          value={settings.readingFontSize}
          onChange={(event) => update({ readingFontSize: Number(event.target.value) })}
        >
          {sizes.map(([size, label]) => (
            <option key={size} value={size}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="settings-themes">
        <legend>Line length</legend>
        {WIDTHS.map(([width, label]) => (
          <label key={width} className="check-row">
            <input
              type="radio"
              name={widthName}
              checked={settings.readingWidth === width}
              onChange={() => update({ readingWidth: width })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <p
        className="reading-sample"
        aria-hidden="true"
        style={{ fontSize: `${settings.readingFontSize}px` }}
      >
        Hello Pythonistas! This week the turtle draws a spiral.
      </p>
    </section>
  );
}
