import { WEEK_ORDER } from '../lib/plan-form';
import { weekdayLong, weekdayShort } from '../lib/plan-dates';

interface StudyDaysProps {
  days: number[];
  onChange: (days: number[]) => void;
}

/** One checkbox per weekday, drawn as toggles; the plan only schedules emails on checked days. */
export function StudyDays({ days, onChange }: StudyDaysProps) {
  const toggle = (day: number, on: boolean) =>
    onChange(on ? [...days, day] : days.filter((d) => d !== day));
  return (
    <fieldset className="study-days">
      <legend>Study days</legend>
      <div className="day-toggles">
        {WEEK_ORDER.map((day) => (
          <label key={day} className="day-toggle">
            <input
              type="checkbox"
              className="day-toggle-input"
              checked={days.includes(day)}
              onChange={(event) => toggle(day, event.target.checked)}
            />
            <span aria-hidden="true">{weekdayShort(day)}</span>
            <span className="visually-hidden">{weekdayLong(day)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
