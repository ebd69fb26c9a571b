import type { QueryClient } from '@tanstack/react-query';
import { useUiStore } from '../stores/useUiStore';
import { emailsQuery } from './emails';
import { catalogQuery, libraryQuery } from './library';
import { progressQuery } from './progress';
import { settingsQuery } from './settings';

/** What the list of one course needs: its emails and its plan. Settles when both have answered. */
function prefetchCourse(client: QueryClient, courseId: string): Promise<unknown> {
  return Promise.all([
    client.prefetchQuery(emailsQuery(courseId)),
    client.prefetchQuery(progressQuery(courseId)),
  ]);
}

/**
 * The first screen's reads, put in the query cache before React draws
 * anything: the library, the catalog and the settings, and the emails and
 * plan of the course that will be on screen (what its list needs). Most were
 * sent already, first thing as the page's script started (first-requests.ts):
 * their answers are taken, not asked again. A returning learner's course
 * (remembered by the window) is asked together with the library, one round
 * trip instead of two; otherwise the first course's, the moment the library
 * answers. The hooks then find them in the cache, or in flight: one request
 * each, never two.
 * Settles once the library, the catalog and the shown course's emails and plan
 * have answered (or failed): the first screen is then drawn once, with its
 * list. Drawn as soon as the library came, the screen showed an empty list for
 * a frame and was drawn again when the list came: on a 1,000-email course that
 * frame and the second drawing delayed the list by 30–60 ms (and flashed).
 */
export function startFirstReads(client: QueryClient): Promise<void> {
  const remembered = useUiStore.getState().activeCourseId;
  const rememberedReads = remembered ? prefetchCourse(client, remembered) : undefined;
  const library = client
    .fetchQuery(libraryQuery())
    .then((status) => {
      const course = status.courses.find((c) => c.id === remembered) ?? status.courses[0];
      if (!course) return undefined;
      // A remembered course that is gone cost one refused read; the first course is shown.
      return course.id === remembered ? rememberedReads : prefetchCourse(client, course.id);
    })
    // A failed read is the library query's to show, in words, with Try again.
    .catch(() => {});
  const catalog = client.fetchQuery(catalogQuery()).catch(() => {});
  void client.prefetchQuery(settingsQuery());
  return Promise.all([library, catalog]).then(() => undefined);
}
