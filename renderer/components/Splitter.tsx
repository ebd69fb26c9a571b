import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { resizeByKey } from '../lib/pane-layout';

interface SplitterProps {
  label: string;
  /** Id of the pane it resizes. */
  controls: string;
  width: number;
  min: number;
  max: number;
  /** +1: dragging right widens the pane (it is on the left); -1: the pane is on the right. */
  direction: 1 | -1;
  onResize: (width: number) => void;
  /** Double-click (or Enter) puts the pane back to its usual width. */
  onReset: () => void;
}

/**
 * The line between two panes, as a focusable separator: drag it, or focus it
 * and use ←/→ (Shift for bigger steps), Home/End, Enter to reset.
 */
export function Splitter(props: SplitterProps) {
  const { label, controls, width, min, max, direction, onResize, onReset } = props;
  const drag = useRef<{ startX: number; startWidth: number } | undefined>(undefined);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const next = drag.current.startWidth + (event.clientX - drag.current.startX) * direction;
    onResize(Math.round(Math.min(Math.max(next, min), max)));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = undefined;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onReset();
      return;
    }
    const next = resizeByKey(event.key, event.shiftKey, width, { min, max }, direction);
    if (next === undefined) return;
    event.preventDefault();
    onResize(next);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      className="splitter"
      title={`${label} (drag, or ← → when focused; double-click to reset)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
