import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../electron/shared/types';
import { useSearchShortcut } from '../hooks/useSearchShortcut';
import { hitOptionId, hitsInShownOrder } from '../lib/search-view';
import { useSearchResults } from '../queries/search';
import { SEARCH_DELAY_MS, useSearchActions, useSearchStore } from '../stores/useSearchStore';
import { useUiActions } from '../stores/useUiStore';
import { SEARCH_RESULTS_ID, SearchResults } from './SearchResults';

export const SEARCH_FIELD_ID = 'search-field';

/**
 * The header's search: results as you type under the field (emails, notes,
 * group posts), arrows to choose, Enter to open; Esc clears it and puts the
 * focus back where it was. While it holds text, the email list shows only
 * the emails that match.
 */
export function SearchField() {
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useSearchShortcut(input, returnTo);
  const text = useSearchStore((s) => s.text);
  const query = useSearchStore((s) => s.query);
  const open = useSearchStore((s) => s.open);
  const activeIndex = useSearchStore((s) => s.activeIndex);
  const hits = useSearchResults(query).data?.hits;
  const { setText, settle, clear, setOpen, moveActive } = useSearchActions();
  const { openLink, reveal } = useUiActions();
  const shown = hitsInShownOrder(hits ?? []);

  // Searched once typing pauses; a key pressed meanwhile starts the wait again.
  useEffect(() => {
    const timer = setTimeout(() => settle(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, settle]);

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    if (hit.kind === 'group') {
      if (hit.link) void openLink(hit.link);
      return;
    }
    // An email or a note: that email, in its course, in the library.
    if (hit.courseId) reveal(hit.courseId, hit.id);
  };

  const leave = () => {
    clear();
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
    else input.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else moveActive(event.key === 'ArrowDown' ? 1 : -1, shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = shown[activeIndex] ?? shown[0];
      if (hit) openHit(hit);
    }
  };

  const expanded = open && text.trim().length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_FIELD_ID} className="visually-hidden">
        Search emails, notes and group posts
      </label>
      <input
        ref={input}
        id={SEARCH_FIELD_ID}
        className="search-input"
        type="search"
        placeholder="Search  ( / )"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={SEARCH_RESULTS_ID}
        aria-autocomplete="list"
        aria-keyshortcuts="Control+F Meta+F /"
        aria-activedescendant={expanded && shown.length > 0 ? hitOptionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {expanded && <SearchResults onOpen={openHit} />}
    </div>
  );
}
