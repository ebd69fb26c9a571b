import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { focusSomewhereSensible } from '../lib/focus';

interface DialogProps {
  id?: string;
  title: string;
  /** One line under the title. */
  subtitle?: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal over the library, built on the native <dialog>: the browser keeps
 * focus inside it, Esc or a click outside closes it and the page behind is
 * inert. Focus goes back where it was when it closes (or somewhere sensible
 * when that is gone).
 */
export function Dialog({ id, title, subtitle, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else focusSomewhereSensible();
    };
  }, []);

  return (
    // A click on the backdrop (the dialog element itself, outside its content) closes it too.
    <dialog
      ref={ref}
      id={id}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <header className="dialog-header">
        <div>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {subtitle && <p className="dialog-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="button button-quiet dialog-close" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
