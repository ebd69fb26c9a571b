import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface PopoverProps {
  /** Unique in the page: names the panel and anchors it to its button. */
  id: string;
  /** The button's content. */
  button: ReactNode;
  buttonClassName?: string;
  /** The button's accessible name when its content is not enough. */
  buttonLabel?: string;
  /** Names the panel for screen readers. */
  label: string;
  className?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, [tabindex="0"]';

/**
 * A panel that opens under its button and closes like any pop-up: Esc, a
 * click outside, or the button again (the browser's own popover, so focus
 * goes back to the button). Opening moves focus into it for keyboard users.
 */
export function Popover({
  id,
  button,
  buttonClassName,
  buttonLabel,
  label,
  className,
  children,
}: PopoverProps) {
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === 'open');
    element.addEventListener('toggle', onToggle);
    return () => element.removeEventListener('toggle', onToggle);
  }, []);

  // Once its content is drawn, the open panel takes the focus, for keyboard users.
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [open]);

  const close = () => document.getElementById(id)?.hidePopover();
  const anchor = `--anchor-${id}`;
  return (
    <>
      <button
        type="button"
        className={buttonClassName ?? 'button button-quiet'}
        popoverTarget={id}
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        style={{ anchorName: anchor }}
      >
        {button}
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={label}
        className={`popover ${className ?? ''}`}
        style={{ positionAnchor: anchor }}
        onKeyDown={(event) => {
          // The browser closes an auto popover on Esc only while it has the focus; be sure.
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          }
        }}
      >
        {/* Drawn only while open: a closed pop-up costs the window's first screen nothing. */}
        {open && (typeof children === 'function' ? children(close) : children)}
      </div>
    </>
  );
}
