import type { QueryClient } from '@tanstack/react-query';
import { useUiStore } from '../stores/useUiStore';
import { emailsQuery } from './emails';
import { libraryQuery } from './library';
import { progressQuery } from './progress';

/**
 * The first screen's reads, asked before React draws anything: the library,
 * and the moment it answers, the emails and plan of the course that will be
 * on screen (what its list needs). Left to the list, those would wait until
 * the library had been drawn and the panes mounted. The hooks then find them
 * in the cache, or in flight: one request each, never two.
 */
export function startFirstReads(client: QueryClient): void {
  client
    .fetchQuery(libraryQuery())
    .then((status) => {
      const chosen = useUiStore.getState().activeCourseId;
      const course = status.courses.find((c) => c.id === chosen) ?? status.courses[0];
      if (!course) return;
      void client.prefetchQuery(emailsQuery(course.id));
      void client.prefetchQuery(progressQuery(course.id));
    })
    // A failed read is the library query's to show, in words, with Try again.
    .catch(() => {});
}
