import type { ReactNode } from 'react';

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
