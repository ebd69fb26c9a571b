import type { EmailSummary } from '../../electron/shared/types';

export type EmailFilter = 'all' | 'due' | 'not-done' | 'starred' | 'notes';

export const EMAIL_FILTERS: Array<{ id: EmailFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'due', label: 'Due' },
  { id: 'not-done', label: 'Not done' },
  { id: 'starred', label: 'Starred' },
  { id: 'notes', label: 'With notes' },
];

export interface DuePlan {
  /** Due date per email id (YYYY-MM-DD), from the learner's plan. */
  dueOn?: Record<string, string>;
  today?: string;
}

/** Due means: not done, and due today or earlier in the learner's plan. */
export function matchesFilter(email: EmailSummary, filter: EmailFilter, plan: DuePlan): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'due': {
      const due = plan.dueOn?.[email.id];
      return !email.done && due !== undefined && plan.today !== undefined && due <= plan.today;
    }
    case 'not-done':
      return !email.done;
    case 'starred':
      return email.starred;
    case 'notes':
      return email.hasNote;
  }
}

export function filterCounts(
  emails: readonly EmailSummary[],
  plan: DuePlan,
): Record<EmailFilter, number> {
  const counts: Record<EmailFilter, number> = {
    all: 0,
    due: 0,
    'not-done': 0,
    starred: 0,
    notes: 0,
  };
  for (const email of emails) {
    for (const { id } of EMAIL_FILTERS) if (matchesFilter(email, id, plan)) counts[id] += 1;
  }
  return counts;
}

/** The emails the list shows: those matching the search (when there is one) and the filter. */
export function visibleEmails(
  emails: readonly EmailSummary[],
  filter: EmailFilter,
  plan: DuePlan,
  matching?: ReadonlySet<string>,
): EmailSummary[] {
  return emails.filter(
    (email) => (!matching || matching.has(email.id)) && matchesFilter(email, filter, plan),
  );
}

/** What an empty filtered list says. */
export function emptyFilterText(filter: EmailFilter, searching: boolean): string {
  if (searching) {
    const which: Record<EmailFilter, string> = {
      all: 'No email',
      due: 'No due email',
      'not-done': 'No email left to do',
      starred: 'No starred email',
      notes: 'No email with a note',
    };
    return `${which[filter]} matches your search.`;
  }
  const state: Record<EmailFilter, string> = {
    all: 'No emails here yet.',
    due: 'Nothing is due. Well done!',
    'not-done': 'Every email is done.',
    starred: 'No starred emails yet: star one to find it here.',
    notes: 'No notes yet: write one beside an email to find it here.',
  };
  return state[filter];
}

const STORAGE_KEY = 'studyline.emailFilters';

/** The filter chosen per course, kept in the window's local storage (a view preference). */
export function loadFilters(
  storage: Pick<Storage, 'getItem'> | undefined,
): Record<string, EmailFilter> {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
    if (!saved || typeof saved !== 'object') return {};
    const valid = new Set<string>(EMAIL_FILTERS.map((f) => f.id));
    return Object.fromEntries(
      Object.entries(saved).filter(([, value]) => typeof value === 'string' && valid.has(value)),
    );
  } catch {
    return {};
  }
}

export function saveFilters(
  storage: Pick<Storage, 'setItem'> | undefined,
  filters: Record<string, EmailFilter>,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(filters));
  } catch {
    // A full or disabled storage only costs remembering the filter.
  }
}
