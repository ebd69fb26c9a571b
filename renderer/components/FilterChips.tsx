import { EMAIL_FILTERS, type EmailFilter } from '../lib/email-filters';

interface FilterChipsProps {
  value: EmailFilter;
  counts: Record<EmailFilter, number>;
  onChange: (filter: EmailFilter) => void;
}

/**
 * Which emails the list shows: All, Due, Not done, Starred, With notes, each
 * with how many there are. Toggle buttons in a labelled group; the chosen one
 * is pressed.
 */
export function FilterChips({ value, counts, onChange }: FilterChipsProps) {
  return (
    <div className="filter-chips" role="group" aria-label="Show emails">
      {EMAIL_FILTERS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          className={`chip${value === id ? ' is-on' : ''}`}
          aria-pressed={value === id}
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
