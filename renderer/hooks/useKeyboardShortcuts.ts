import { useEffect } from 'react';
import { useReaderActions } from '../stores/useReaderStore';
import { useSyncActions } from '../stores/useSyncStore';

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

/**
 * j/k (and ↑/↓ in the list) move through the emails, Enter opens one, x (and
 * Space in the list) marks it done or not, r or Ctrl/Cmd+R syncs: Ctrl+R
 * would otherwise reload the page.
 */
export function useKeyboardShortcuts(): void {
  const { move, openSelected, toggleDoneSelected } = useReaderActions();
  const { start } = useSyncActions();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      if (command) {
        if (event.key.toLowerCase() === 'r' && !event.shiftKey) {
          event.preventDefault();
          void start();
        }
        return;
      }
      if (isElsewhere(event.target)) return;
      const action = keyAction(event.key, listHasFocus());
      if (!action) return;
      event.preventDefault();
      if (action === 'next') move(1);
      else if (action === 'previous') move(-1);
      else if (action === 'page-down') move(10);
      else if (action === 'page-up') move(-10);
      else if (action === 'first') move(-Infinity);
      else if (action === 'last') move(Infinity);
      else if (action === 'open') void openSelected();
      else if (action === 'toggle-done') void toggleDoneSelected();
      else void start();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [move, openSelected, toggleDoneSelected, start]);
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
