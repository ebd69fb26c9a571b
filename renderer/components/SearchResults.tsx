import type { SearchHit } from '../../electron/shared/types';
import { formatSendDate } from '../lib/dates';
import { errorText } from '../lib/error-text';
import { groupHits, hitOptionId, hitsInShownOrder } from '../lib/search-view';
import { useCourses } from '../queries/library';
import { useSearchResults } from '../queries/search';
import { useSearchStore } from '../stores/useSearchStore';
import { MarkedText } from './MarkedText';

export const SEARCH_RESULTS_ID = 'search-results';

// Glyphs every system font has (an emoji font is not a given on Linux).
const KIND_ICON: Record<SearchHit['kind'], string> = { email: '✉', note: '✎', group: '↗' };

function HitOption({
  hit,
  index,
  active,
  onOpen,
}: {
  hit: SearchHit;
  index: number;
  active: boolean;
  onOpen: (hit: SearchHit) => void;
}) {
  const courses = useCourses();
  const course = courses.length > 1 ? courses.find((c) => c.id === hit.courseId)?.title : undefined;
  const where = [hit.kind === 'group' ? hit.groupName : undefined, course].filter(Boolean);
  return (
    <li
      id={hitOptionId(index)}
      role="option"
      aria-selected={active}
      className={`search-hit${active ? ' is-active' : ''}`}
      // Keeps the focus in the field, so typing goes on after a click elsewhere than a hit.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(hit)}
    >
      <span className={`search-hit-icon kind-${hit.kind}`} aria-hidden="true">
        {KIND_ICON[hit.kind]}
      </span>
      <span className="search-hit-text">
        <span className="search-hit-title">
          <MarkedText value={hit.title} />
        </span>
        {hit.snippet.text && (
          <span className="search-hit-snippet">
            <MarkedText value={hit.snippet} />
          </span>
        )}
        <span className="search-hit-meta">
          {hit.date && <span>{formatSendDate(hit.date)}</span>}
          {where.map((w) => (
            <span key={w}>{w}</span>
          ))}
          {hit.kind === 'group' && <span>opens in your browser</span>}
        </span>
      </span>
    </li>
  );
}

/** The results under the search field, grouped by kind: a listbox the field points into. */
export function SearchResults({ onOpen }: { onOpen: (hit: SearchHit) => void }) {
  const query = useSearchStore((s) => s.query);
  const activeIndex = useSearchStore((s) => s.activeIndex);
  const search = useSearchResults(query);
  const results = search.data;
  const hits = results?.hits ?? [];
  const shown = hitsInShownOrder(hits);
  const status = search.isError
    ? `Search failed: ${errorText(search.error)}`
    : !results
      ? 'Searching…'
      : (results.message ??
        (hits.length === 0
          ? `Nothing matches “${results.query}”.`
          : `${hits.length}${results.more ? '+' : ''} results. Up and down arrows choose, Enter opens.`));
  return (
    <div className="search-popover">
      <p className="search-status" role="status">
        {status}
      </p>
      <ul
        id={SEARCH_RESULTS_ID}
        role="listbox"
        aria-label="Search results"
        className="search-list"
        // Which text these results answer (the last one's stay while the next is asked).
        data-query={results?.query}
      >
        {groupHits(hits).map((group) => (
          <li key={group.kind} role="presentation" className="search-group">
            <p
              className="search-group-heading"
              id={`search-group-${group.kind}`}
              aria-hidden="true"
            >
              {group.heading}
            </p>
            <ul role="group" aria-labelledby={`search-group-${group.kind}`}>
              {group.hits.map((hit) => {
                const index = shown.indexOf(hit);
                return (
                  <HitOption
                    key={`${hit.kind}:${hit.id}`}
                    hit={hit}
                    index={index}
                    active={index === activeIndex}
                    onOpen={onOpen}
                  />
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
