import { useRef, type KeyboardEvent } from 'react';
import { EMAIL_FILTERS, type EmailFilter } from '../lib/email-filters';

interface FilterChipsProps {
  value: EmailFilter;
  counts: Record<EmailFilter, number>;
  onChange: (filter: EmailFilter) => void;
}

const NEXT_KEYS: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

/**
 * Which emails the list shows: All, Due, Not done, Starred, With notes, each
 * with how many there are. One choice at a time, so a radio group: Tab
 * reaches the chosen chip, arrows choose another.
 */
export function FilterChips({ value, counts, onChange }: FilterChipsProps) {
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT_KEYS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = EMAIL_FILTERS.findIndex((f) => f.id === value);
    const next = EMAIL_FILTERS[(index + step + EMAIL_FILTERS.length) % EMAIL_FILTERS.length]!;
    onChange(next.id);
    group.current?.querySelector<HTMLElement>(`[data-filter="${next.id}"]`)?.focus();
  };
  return (
    <div
      ref={group}
      className="filter-chips"
      role="radiogroup"
      aria-label="Show emails"
      onKeyDown={onKeyDown}
    >
      {EMAIL_FILTERS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="radio"
          data-filter={id}
          className={`chip${value === id ? ' is-on' : ''}`}
          aria-checked={value === id}
          tabIndex={value === id ? 0 : -1}
          onClick={() => onChange(id)}
        >
          {label}
          <span className="chip-count">
            <span className="visually-hidden">: </span>
            {counts[id]}
          </span>
        </button>
      ))}
    </div>
  );
}
