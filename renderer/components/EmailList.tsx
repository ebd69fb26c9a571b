import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { EmailSummary } from '../../electron/shared/types';
import { EMAIL_LIST_ID } from '../hooks/useKeyboardShortcuts';
import { observeListSize, skipFirstWriteToTop, windowRect } from '../lib/list-measuring';
import { EmailRow } from './EmailRow';

/** Two lines of title and one of dates: six rows fit even in an 800×600 window with a banner. */
export const EMAIL_ROW_HEIGHT = 64;

/**
 * Scrolls just enough to show the row. Rows have a fixed height, so this is
 * exact even before the virtualizer has measured the list (its own
 * scrollToIndex would align against a zero-height viewport on first load).
 */
function revealRow(list: HTMLElement, index: number): void {
  const top = index * EMAIL_ROW_HEIGHT;
  const bottom = top + EMAIL_ROW_HEIGHT;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

interface EmailListProps {
  emails: EmailSummary[];
  label: string;
  /** Due date per email id, from the learner's plan. */
  dueOn?: Record<string, string>;
  /** Week of the learner's plan per email id. */
  weekOf?: Record<string, number>;
  today?: string;
  selectedId?: string;
  openId?: string;
  onOpen: (emailId: string) => void;
  onToggleDone: (emailId: string, done: boolean) => void;
}

/**
 * The sequence as a listbox that renders only the rows in view, so a
 * 1,000-email archive scrolls as lightly as a 10-email one. The list keeps
 * focus and points at the selected row with aria-activedescendant, because a
 * focused row could be unmounted while scrolling.
 */
export function EmailList({
  emails,
  label,
  dueOn,
  weekOf,
  today,
  selectedId,
  openId,
  onOpen,
  onToggleDone,
}: EmailListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollToFn] = useState(() => skipFirstWriteToTop());
  const [initialRect] = useState(windowRect);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: emails.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => EMAIL_ROW_HEIGHT,
    // Rows are drawn in the scroll event itself, so a few beyond the edges are enough; each
    // row kept in the page is laid out and painted again on every frame of a scroll.
    overscan: 3,
    initialRect,
    observeElementRect: observeListSize,
    scrollToFn,
  });
  const selectedIndex = emails.findIndex((e) => e.id === selectedId);

  useEffect(() => {
    if (selectedIndex < 0) return;
    // At the next frame, when the window is laid out anyway: measuring the list now, in the
    // middle of drawing it, would lay it out once more.
    const frame = requestAnimationFrame(() => {
      if (scrollRef.current) revealRow(scrollRef.current, selectedIndex);
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex]);

  return (
    <div
      id={EMAIL_LIST_ID}
      ref={scrollRef}
      className="email-list"
      role="listbox"
      aria-label={label}
      aria-keyshortcuts="J K Enter X N P"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `email-option-${selectedIndex}` : undefined}
    >
      <div
        className="email-list-inner"
        role="presentation"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const email = emails[row.index];
          if (!email) return null;
          return (
            <div
              key={email.id}
              className="email-list-slot"
              role="presentation"
              style={{ transform: `translateY(${row.start}px)`, height: EMAIL_ROW_HEIGHT }}
            >
              <EmailRow
                email={email}
                optionId={`email-option-${row.index}`}
                index={row.index}
                count={emails.length}
                dueOn={dueOn?.[email.id]}
                week={weekOf?.[email.id]}
                today={today}
                selected={email.id === selectedId}
                open={email.id === openId}
                onOpen={onOpen}
                onToggleDone={onToggleDone}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
