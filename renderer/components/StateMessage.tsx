import type { ReactNode } from 'react';
import { errorText } from '../lib/error-text';

interface StateMessageProps {
  title: string;
  children?: ReactNode;
  tone?: 'neutral' | 'error' | 'loading';
  /** A button or two: Retry, Sync now… */
  action?: ReactNode;
}

/** What a pane shows instead of content: empty, loading or failed. Never a blank pane. */
export function StateMessage({ title, children, tone = 'neutral', action }: StateMessageProps) {
  return (
    <div
      className={`state-message state-${tone}`}
      role={tone === 'error' ? 'alert' : tone === 'loading' ? 'status' : undefined}
      aria-busy={tone === 'loading' ? true : undefined}
    >
      {tone === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p className="state-title">{title}</p>
      {children && <div className="state-text">{children}</div>}
      {action && <div className="state-actions">{action}</div>}
    </div>
  );
}

interface LoadErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retryLabel?: string;
}

/** A read that failed with nothing to show instead: the error in words and a way to ask again. */
export function LoadError({ title, error, onRetry, retryLabel = 'Try again' }: LoadErrorProps) {
  const retry = (
    <button type="button" className="button" onClick={onRetry}>
      {retryLabel}
    </button>
  );
  return (
    <StateMessage tone="error" title={title} action={retry}>
      {errorText(error)}
    </StateMessage>
  );
}
