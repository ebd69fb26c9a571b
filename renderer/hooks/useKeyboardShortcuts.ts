import { useEffect, useRef } from 'react';
import { useSetMark } from '../queries/marks';
import { useStartSync, useSyncView } from '../queries/sync';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { useShownEmails } from './useShownEmails';

export const EMAIL_LIST_ID = 'email-list';

/** Text fields keep their letters; an open dialog keeps every key for itself. */
function isElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Arrows and Enter keep their usual meaning on buttons, links and the reading pane. */
function listHasFocus(): boolean {
  const active = document.activeElement;
  return active === document.body || active === null || active.id === EMAIL_LIST_ID;
}

/** What the keys act on: the emails the list shows (filter, search), the cursor, the actions. */
function useKeyTargets(courseId: string | undefined) {
  const emails = useShownEmails(courseId).shown;
  const cursor = useUiStore((s) => s.selectedId);
  // A cursor on an email the list hides acts on nothing.
  const selected = emails.find((e) => e.id === cursor);
  const { select, open } = useUiActions();
  const setMark = useSetMark();
  const startSync = useStartSync();
  const { running } = useSyncView();
  return {
    move(delta: number) {
      if (emails.length === 0) return;
      const index = selected ? emails.indexOf(selected) : -1;
      // From outside the list, down starts at the top and up at the bottom.
      const from = index >= 0 ? index : delta > 0 ? -1 : emails.length;
      const next = Math.min(emails.length - 1, Math.max(0, from + delta));
      const id = emails[next]?.id;
      if (id) select(id);
    },
    openSelected() {
      if (selected) open(selected.id);
    },
    toggleDone() {
      if (!selected || !courseId) return;
      setMark.mutate({ emailId: selected.id, courseId, field: 'done', value: !selected.done });
    },
    sync() {
      // A sync is already running: the key has nothing more to do.
      if (!running) startSync.mutate({});
    },
  };
}

/**
 * j/k (and ↑/↓ in the list) move through the emails, Enter opens one, x (and
 * Space in the list) marks it done or not, r or Ctrl/Cmd+R syncs: Ctrl+R
 * would otherwise reload the page.
 */
export function useKeyboardShortcuts(courseId: string | undefined): void {
  const targets = useKeyTargets(courseId);
  // The listener stays registered; it always acts on the latest list and cursor.
  const latest = useRef(targets);
  useEffect(() => {
    latest.current = targets;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      if (command) {
        if (event.key.toLowerCase() === 'r' && !event.shiftKey) {
          event.preventDefault();
          latest.current.sync();
        }
        return;
      }
      if (isElsewhere(event.target)) return;
      const action = keyAction(event.key, listHasFocus());
      if (!action) return;
      event.preventDefault();
      run(action, latest.current);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

const MOVES: Partial<Record<Action, number>> = {
  next: 1,
  previous: -1,
  'page-down': 10,
  'page-up': -10,
  first: -Infinity,
  last: Infinity,
};

function run(action: Action, targets: ReturnType<typeof useKeyTargets>): void {
  const delta = MOVES[action];
  if (delta !== undefined) targets.move(delta);
  else if (action === 'open') targets.openSelected();
  else if (action === 'toggle-done') targets.toggleDone();
  else targets.sync();
}

type Action =
  | 'next'
  | 'previous'
  | 'page-down'
  | 'page-up'
  | 'first'
  | 'last'
  | 'open'
  | 'toggle-done'
  | 'sync';

export function keyAction(key: string, inList: boolean): Action | undefined {
  if (key === 'j') return 'next';
  if (key === 'k') return 'previous';
  if (key === 'r') return 'sync';
  if (key === 'x') return 'toggle-done';
  if (!inList) return undefined;
  if (key === 'ArrowDown') return 'next';
  if (key === 'ArrowUp') return 'previous';
  if (key === 'PageDown') return 'page-down';
  if (key === 'PageUp') return 'page-up';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  if (key === 'Enter') return 'open';
  // Space on a row ticks it, as on a checkbox; elsewhere it scrolls or presses a button.
  if (key === ' ') return 'toggle-done';
  return undefined;
}
