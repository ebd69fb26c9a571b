import { useEffect, useRef } from 'react';
import { keyAction, type KeyAction, type KeyPlace } from '../lib/key-actions';
import { WIDE_MIN } from '../lib/pane-layout';
import { useOpenEmail } from '../queries/emails';
import { useSetMark } from '../queries/marks';
import { useStartSync, useSyncView } from '../queries/sync';
import { useLayoutStore } from '../stores/useLayoutStore';
import { useUiActions, useUiStore } from '../stores/useUiStore';
import { useUndoStore } from '../stores/useUndoStore';
import { useFlowEmails, useReadingFlow } from './useReadingFlow';
import { useShownEmails } from './useShownEmails';

export const EMAIL_LIST_ID = 'email-list';

/** Text fields keep their letters; dialogs and pop-ups keep every key for themselves. */
function isElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog, [popover]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const CONTROLS = 'button, a[href], summary, [role="button"], [role="separator"], label';

function placeOf(target: EventTarget | null): KeyPlace {
  if (!(target instanceof HTMLElement) || target === document.body) return 'reader';
  if (target.id === EMAIL_LIST_ID) return 'list';
  return target.closest(CONTROLS) ? 'control' : 'reader';
}

function toggleGroups(): void {
  const { groupsOpen, drawerOpen, actions } = useLayoutStore.getState();
  if (window.innerWidth >= WIDE_MIN) actions.setGroupsOpen(!groupsOpen);
  else actions.setDrawerOpen(!drawerOpen);
}

/** What the keys act on: the list as shown (filter, search), the marks, the cursor, the open email. */
function useKeyTargets(courseId: string | undefined) {
  const emails = useFlowEmails(courseId);
  const shown = useShownEmails(courseId).shown;
  const selectedId = useUiStore((s) => s.selectedId);
  // A cursor on an email the list hides acts on nothing.
  const selected = shown.find((e) => e.id === selectedId);
  const openId = useUiStore((s) => s.openId);
  const email = useOpenEmail(openId).data;
  const ui = useUiActions();
  const flow = useReadingFlow();
  const setMark = useSetMark();
  const startSync = useStartSync();
  const { running } = useSyncView();
  const mark = (emailId: string | undefined, field: 'done' | 'starred') => {
    const target = emails.find((e) => e.id === emailId);
    if (!target || !courseId) return;
    const value = field === 'done' ? !target.done : !target.starred;
    setMark.mutate({ emailId: target.id, courseId, field, value });
  };
  return {
    flow,
    move(delta: number) {
      if (shown.length === 0) return;
      const index = selected ? shown.indexOf(selected) : -1;
      // From outside the list, down starts at the top and up at the bottom.
      const from = index >= 0 ? index : delta > 0 ? -1 : shown.length;
      const next = Math.min(shown.length - 1, Math.max(0, from + delta));
      const id = shown[next]?.id;
      if (id) ui.select(id);
    },
    openSelected() {
      if (selected) ui.open(selected.id);
    },
    /** x: the row under the cursor from the list, else the email being read. */
    toggleDone() {
      const inList = document.activeElement?.id === EMAIL_LIST_ID;
      mark(inList ? selected?.id : (openId ?? selected?.id), 'done');
    },
    star() {
      mark(openId ?? selectedId, 'starred');
    },
    openInBrowser() {
      if (email?.link) void ui.openLink(email.link);
    },
    openDialog: ui.openDialog,
    sync() {
      // A sync is already running: the key has nothing more to do.
      if (!running) startSync.mutate({});
    },
  };
}

type KeyTargets = ReturnType<typeof useKeyTargets>;

const MOVES: Partial<Record<KeyAction, number>> = {
  'cursor-down': 1,
  'cursor-up': -1,
  'page-down': 10,
  'page-up': -10,
  first: -Infinity,
  last: Infinity,
};

/** Does what the key means; false when it meant nothing here (the browser keeps the key). */
function run(action: KeyAction, targets: KeyTargets): boolean {
  const { flow } = targets;
  const delta = MOVES[action];
  if (delta !== undefined) return (targets.move(delta), true);
  switch (action) {
    case 'open':
      return (targets.openSelected(), true);
    case 'toggle-done':
      return (targets.toggleDone(), true);
    case 'done-next':
      return (void flow.doneAndNext(), true);
    case 'next':
      return (flow.next(), true);
    case 'previous':
      return (flow.previous(), true);
    case 'star':
      return (targets.star(), true);
    case 'open-in-browser':
      return (targets.openInBrowser(), true);
    case 'read-on':
      return (flow.space(false), true);
    case 'read-back':
      return (flow.space(true), true);
    case 'groups':
      return (toggleGroups(), true);
    case 'agenda':
      return (targets.openDialog('agenda'), true);
    case 'shortcuts':
      return (targets.openDialog('shortcuts'), true);
    case 'search':
      // The search field listens for / and Ctrl/Cmd+F itself (useSearchShortcut).
      return false;
    case 'undo':
      if (!useUndoStore.getState().offer) return false;
      return (void useUndoStore.getState().actions.undo(), true);
    default:
      return (targets.sync(), true);
  }
}

/**
 * The library from the keyboard, as in a feed reader: Space reads on, D is
 * Done & next, n/p go to the next or previous email not done, j/k move the
 * list's cursor, ? lists every key. Ctrl/Cmd+R syncs instead of reloading.
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
      // Ctrl+R would reload the page even from a text field.
      const reload = command && event.key.toLowerCase() === 'r' && !event.shiftKey;
      if (!reload && isElsewhere(event.target)) return;
      const action = keyAction(
        { key: event.key, shift: event.shiftKey, command },
        placeOf(event.target),
      );
      if (action && run(action, latest.current)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
