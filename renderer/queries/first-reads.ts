import type { QueryClient } from '@tanstack/react-query';
import { useUiStore } from '../stores/useUiStore';
import { emailsQuery } from './emails';
import { catalogQuery, libraryQuery } from './library';
import { progressQuery } from './progress';
import { settingsQuery } from './settings';

/** What the list of one course needs: its emails and its plan. */
function prefetchCourse(client: QueryClient, courseId: string): void {
  void client.prefetchQuery(emailsQuery(courseId));
  void client.prefetchQuery(progressQuery(courseId));
}

/**
 * The first screen's reads, put in the query cache before React draws
 * anything: the library, the catalog and the settings (the first screen waits
 * for them), and the emails and plan of the course that will be on screen
 * (what its list needs). Most were sent already, first thing as the page's
 * script started (first-requests.ts): their answers are taken, not asked
 * again. A returning learner's course (remembered by the window) is asked
 * together with the library, one round trip instead of two; otherwise the
 * first course's, the moment the library answers. Left to the list, those
 * would wait until the library had been drawn and the panes mounted. The hooks
 * then find them in the cache, or in flight: one request each, never two.
 * Settles once the library and the catalog have answered (or failed): the
 * first screen can then be drawn.
 */
export function startFirstReads(client: QueryClient): Promise<void> {
  const remembered = useUiStore.getState().activeCourseId;
  if (remembered) prefetchCourse(client, remembered);
  const library = client
    .fetchQuery(libraryQuery())
    .then((status) => {
      const course = status.courses.find((c) => c.id === remembered) ?? status.courses[0];
      // A remembered course that is gone cost one refused read; the first course is shown.
      if (course && course.id !== remembered) prefetchCourse(client, course.id);
    })
    // A failed read is the library query's to show, in words, with Try again.
    .catch(() => {});
  const catalog = client.fetchQuery(catalogQuery()).catch(() => {});
  void client.prefetchQuery(settingsQuery());
  return Promise.all([library, catalog]).then(() => undefined);
}
