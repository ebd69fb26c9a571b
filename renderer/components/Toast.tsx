import { useEffect } from 'react';
import { useUiActions, useUiStore } from '../stores/useUiStore';

const SHOWN_MS = 3_500;

/** A short confirmation at the bottom of the window ("Opened in your browser"), then gone. */
export function Toast() {
  const toast = useUiStore((s) => s.toast);
  const { clearToast } = useUiActions();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => clearToast(toast.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, clearToast]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && <p className="toast">{toast.text}</p>}
    </div>
  );
}
