import { useId } from 'react';
import type { Previews } from '../queries/previews';
import { PRESETS, currentPaceName, durationText } from '../lib/plan-form';
import type { PaceChoice, PlanForm } from '../lib/plan-form';

interface PaceChoicesProps {
  form: PlanForm;
  previews: Previews;
  today?: string;
  invalid: boolean;
  errorId?: string;
  onPace: (pace: PaceChoice) => void;
  onPerWeek: (perWeek: string) => void;
}

function Duration({
  previews,
  choice,
  today,
}: {
  previews: Previews;
  choice: PaceChoice;
  today?: string;
}) {
  const result = previews[choice];
  const text = result && 'preview' in result ? durationText(result.preview, today) : '';
  return text ? <span className="pace-detail"> — {text}</span> : null;
}

/** The presets with how long each would take, and a custom number of emails a week. */
export function PaceChoices(props: PaceChoicesProps) {
  const { form, previews, today, invalid, errorId, onPace, onPerWeek } = props;
  const name = useId();
  const customId = useId();
  return (
    <fieldset className="pace-choices">
      <legend>Pace</legend>
      {PRESETS.map((preset) => (
        <label key={preset.choice} className="pace-choice">
          <input
            type="radio"
            name={name}
            checked={form.pace === preset.choice}
            onChange={() => onPace(preset.choice)}
          />
          <span className="pace-name">{preset.name}</span>
          <Duration previews={previews} choice={preset.choice} today={today} />
        </label>
      ))}
      {form.currentPace && (
        <label className="pace-choice">
          <input
            type="radio"
            name={name}
            checked={form.pace === 'current'}
            onChange={() => onPace('current')}
          />
          <span className="pace-name">{currentPaceName(form.currentPace)}</span>
          <Duration previews={previews} choice="current" today={today} />
        </label>
      )}
      <div className="pace-choice pace-custom">
        <input
          id={customId}
          type="radio"
          name={name}
          checked={form.pace === 'custom'}
          onChange={() => onPace('custom')}
        />
        <label htmlFor={customId} className="pace-name">
          Custom:
        </label>
        <input
          type="number"
          className="pace-per-week"
          data-field="perWeek"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          aria-label="Emails a week"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          value={form.perWeek}
          onFocus={() => onPace('custom')}
          onChange={(event) => onPerWeek(event.target.value)}
        />
        <span aria-hidden="true">emails a week</span>
        <Duration previews={previews} choice="custom" today={today} />
      </div>
    </fieldset>
  );
}
