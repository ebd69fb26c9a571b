import { useEffect, type RefObject } from 'react';

/** Letters typed in a field or a dialog are text, not shortcuts. */
function typingElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Ctrl/Cmd+F and "/" put the focus in the search field, remembering where it
 * was so Esc can give it back.
 */
export function useSearchShortcut(
  field: RefObject<HTMLInputElement | null>,
  returnTo: { current: HTMLElement | null },
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const find =
        (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f';
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !typingElsewhere(event.target);
      if (!find && !slash) return;
      const input = field.current;
      if (!input) return;
      event.preventDefault();
      if (document.activeElement !== input && document.activeElement instanceof HTMLElement) {
        returnTo.current = document.activeElement;
      }
      input.focus();
      input.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [field, returnTo]);
}
