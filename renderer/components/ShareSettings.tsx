import { useEffect, useRef } from 'react';
import type { ShareStatus } from '../../electron/shared/types';
import { useNow } from '../hooks/useNow';
import { errorText } from '../lib/error-text';
import { shareLine, sinceText } from '../lib/share-text';
import { useShareAction, useShareStatus, type ShareAction } from '../queries/share';

/** Where focus goes once an action is drawn: the new line, or the button that starts again. */
type FocusAfter = 'line' | 'choose' | undefined;

function OtherComputers({ status, now }: { status: ShareStatus; now: Date }) {
  if (status.others.length === 0) return null;
  return (
    <ul className="share-computers" aria-label="Your other computers">
      {status.others.map((other) => (
        <li key={other.id}>
          <span className="share-computer">{other.name}</span>
          {other.lastChangeAt && (
            <span className="settings-note">
              {' '}
              · last change {sinceText(other.lastChangeAt, now)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What the last action did, in words: a closed dialog, a stop, or why it was refused. */
function outcomeText(action: ShareAction | undefined, reply: ShareStatus | null | undefined) {
  if (action === 'choose' && reply === null) return 'No folder chosen: nothing changed.';
  if (action === 'off' && reply) {
    return 'Stopped. What this computer shared stays in the folder for your other computers.';
  }
  return undefined;
}

/**
 * Settings → "Keep my progress in step across computers": a folder the
 * learner's sync service keeps the same everywhere, chosen in the system's
 * folder dialog; the line says how things stand, a problem is an alert.
 */
export function ShareSettings() {
  const query = useShareStatus();
  const action = useShareAction();
  const now = useNow(30_000);
  const lineRef = useRef<HTMLParagraphElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<FocusAfter>(undefined);
  const status = query.data;

  // Runs once the action's outcome is drawn (the buttons it needs exist by then).
  useEffect(() => {
    if (focusAfter.current === 'line') lineRef.current?.focus();
    if (focusAfter.current === 'choose') chooseRef.current?.focus();
    focusAfter.current = undefined;
  }, [status, action.status]);

  const start = (next: ShareAction) => {
    if (action.isPending) return;
    action.mutate(next, {
      onSuccess: (reply) => {
        if (next === 'off') focusAfter.current = 'choose';
        else if (reply) focusAfter.current = 'line';
      },
    });
  };

  const busy = action.isPending ? action.variables : undefined;
  const outcome = action.isPending ? undefined : outcomeText(action.variables, action.data);
  const refused = action.isError ? errorText(action.error) : undefined;
  const loadError = !status && query.error ? errorText(query.error) : undefined;

  return (
    <section className="settings-section" aria-labelledby="settings-share">
      <h3 id="settings-share">Keep my progress in step across computers</h3>
      <p className="settings-note">
        Your marks, notes, plans and theme go through a folder that your sync service (Syncthing,
        Dropbox, iCloud Drive, OneDrive, Nextcloud) keeps the same on each computer. Each computer
        still syncs the courses itself.
      </p>
      {status?.on && status.folder && (
        <p className="share-folder">
          Shared through <code>{status.folder}</code> as “{status.computer.name}”.
        </p>
      )}
      <p className="share-line" role="status" tabIndex={-1} ref={lineRef}>
        {status ? shareLine(status, now) : (loadError ?? 'Reading how sharing stands…')}
      </p>
      {status?.problem && (
        <div className="backup-result is-error" role="alert">
          <p>{status.problem.message}</p>
        </div>
      )}
      {status && <OtherComputers status={status} now={now} />}
      <div className="settings-inline">
        <button
          type="button"
          className="button"
          ref={chooseRef}
          aria-disabled={busy !== undefined || undefined}
          onClick={() => start('choose')}
        >
          {busy === 'choose'
            ? 'Choosing a folder…'
            : status?.on
              ? 'Choose another folder…'
              : 'Choose folder…'}
        </button>
        {status?.on && (
          <>
            <button
              type="button"
              className="button"
              aria-disabled={busy !== undefined || undefined}
              onClick={() => start('check')}
            >
              {busy === 'check' ? 'Looking…' : 'Look now'}
            </button>
            <button
              type="button"
              className="button"
              aria-disabled={busy !== undefined || undefined}
              onClick={() => start('off')}
            >
              Stop keeping in step
            </button>
          </>
        )}
      </div>
      {refused && (
        <p className="form-error" role="alert">
          {refused}
        </p>
      )}
      {outcome && (
        <p className="settings-note" role="status">
          {outcome}
        </p>
      )}
    </section>
  );
}
