import type { MarkedText as Marked } from '../../electron/shared/types';
import { markedParts } from '../lib/search-view';

/** Text with the words that matched the search in <mark>. */
export function MarkedText({ value }: { value: Marked }) {
  return (
    <>
      {markedParts(value).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
