import { useEffect, useRef } from 'react';
import { keepFocusAfterChange } from '../lib/focus';
import { useUndoActions, useUndoStore } from '../stores/useUndoStore';

/** How long an undo stays on offer, unless the learner is pointing at it or in it. */
const OFFER_MS = 15_000;

/** "Marked 4 emails done. [Undo]" at the bottom of the window, announced politely. */
export function UndoBar() {
  const offer = useUndoStore((s) => s.offer);
  const outcome = useUndoStore((s) => s.outcome);
  const busy = useUndoStore((s) => s.busy);
  const { undo, dismiss } = useUndoActions();
  const bar = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // The bar's buttons vanish with it: focus must not fall to the page body.
  const leave = () => {
    dismiss();
    keepFocusAfterChange();
  };
  const runUndo = async () => {
    await undo();
    keepFocusAfterChange();
  };

  useEffect(() => {
    if (!offer) return;
    if (offer.takeFocus) button.current?.focus();
    const timer = setInterval(() => {
      const element = bar.current;
      if (element && !element.matches(':hover, :focus-within')) dismiss();
    }, OFFER_MS);
    return () => clearInterval(timer);
  }, [offer, dismiss]);

  return (
    <div className="undo-region" role="status" aria-live="polite">
      {offer ? (
        <div
          ref={bar}
          className="undo-bar"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              leave();
            }
          }}
        >
          <p className="undo-text">{offer.message}</p>
          {outcome && outcome !== 'Undone.' && <p className="undo-error">{outcome}</p>}
          <button
            ref={button}
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void runUndo()}
            aria-keyshortcuts="Control+Z Meta+Z"
          >
            {busy ? 'Undoing…' : 'Undo'}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={leave}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      ) : (
        outcome && <p className="visually-hidden">{outcome}</p>
      )}
    </div>
  );
}
