import { describe, expect, it } from 'vitest';
import type { EmailSummary } from '../../../electron/shared/types';
import {
  emptyFilterText,
  filterCounts,
  loadFilters,
  saveFilters,
  visibleEmails,
} from '../../../renderer/lib/email-filters';

const email = (id: string, state: Partial<EmailSummary> = {}): EmailSummary => ({
  id,
  courseId: 'c',
  order: 1,
  title: id,
  sentAt: '2013-10-21T00:00:00.000Z',
  opened: false,
  done: false,
  starred: false,
  hasNote: false,
  ...state,
});

const emails = [
  email('overdue'),
  email('today', { starred: true }),
  email('later', { hasNote: true }),
  email('done-late', { done: true, starred: true, hasNote: true }),
];
const plan = {
  today: '2026-11-30',
  dueOn: {
    overdue: '2026-11-20',
    today: '2026-11-30',
    later: '2026-12-09',
    'done-late': '2026-11-01',
  },
};

describe('email filters', () => {
  it('counts each chip: due is not done and due today or earlier', () => {
    expect(filterCounts(emails, plan)).toEqual({
      all: 4,
      due: 2,
      'not-done': 3,
      starred: 2,
      notes: 2,
    });
  });

  it('without a plan nothing is due', () => {
    expect(filterCounts(emails, {}).due).toBe(0);
  });

  it('combines with the emails a search matched', () => {
    const ids = (list: EmailSummary[]) => list.map((e) => e.id);
    expect(ids(visibleEmails(emails, 'starred', plan))).toEqual(['today', 'done-late']);
    expect(ids(visibleEmails(emails, 'starred', plan, new Set(['today', 'later'])))).toEqual([
      'today',
    ]);
  });

  it('says why a filtered list is empty', () => {
    expect(emptyFilterText('starred', false)).toMatch(/^No starred emails yet/);
    expect(emptyFilterText('due', true)).toBe('No due email matches your search.');
  });

  it('remembers the filter per course, ignoring what it does not know', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
    saveFilters(storage, { a: 'starred', b: 'due' });
    expect(loadFilters(storage)).toEqual({ a: 'starred', b: 'due' });
    store.set('studyline.emailFilters', '{"a":"bogus","b":"notes"}');
    expect(loadFilters(storage)).toEqual({ b: 'notes' });
    store.set('studyline.emailFilters', 'not json');
    expect(loadFilters(storage)).toEqual({});
  });
});
