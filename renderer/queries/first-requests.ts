import { readRemembered, REMEMBERED_COURSE } from '../lib/remembered';
import { studyline } from '../lib/studyline-api';
import { keys } from './keys';

/** Answers asked for before the query cache exists, by query key, each taken once. */
const sent = new Map<string, Promise<unknown>>();

const slot = (queryKey: readonly unknown[]) => JSON.stringify(queryKey);

function send(queryKey: readonly unknown[], read: () => Promise<unknown>): void {
  const answer = read();
  // Whoever takes it shows a failure; one never taken must not be reported as unhandled.
  answer.catch(() => {});
  sent.set(slot(queryKey), answer);
}

/**
 * The first screen's requests: the library, the catalog, the settings and a
 * returning learner's course (its emails and plan). main.tsx imports this
 * module before anything else, so they leave while React and the rest of the
 * page's script are still being evaluated (40–60 ms on a slow machine) instead
 * of after; startFirstReads hands their answers to the query cache.
 */
export function sendFirstRequests(): void {
  const api = studyline();
  send(keys.library(), () => api['status:get']());
  send(keys.catalog(), () => api['catalog:get']());
  send(keys.settings(), () => api['settings:get']());
  const course = readRemembered(REMEMBERED_COURSE);
  if (!course) return;
  send(keys.emails(course), () => api['emails:list'](course));
  send(keys.progress(course), () => api['progress:get'](course));
}

/**
 * A query's read: the answer to the request sent first for its key, the first
 * time (in flight or come); the core's answer to a new request after that.
 */
export function sentOr<T>(queryKey: readonly unknown[], read: () => Promise<T>): Promise<T> {
  const answer = sent.get(slot(queryKey));
  if (!answer) return read();
  sent.delete(slot(queryKey));
  // Sent by sendFirstRequests for this very key, so it is this query's answer.
  return answer as Promise<T>;
}

try {
  sendFirstRequests();
} catch {
  // No bridge (a broken preload): the library's first read says so, in words.
}
