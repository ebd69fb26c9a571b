import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AppSettings, LibraryStatus } from '../../../electron/shared/types';
import { REMEMBERED_COURSE } from '../../../renderer/lib/remembered';
import { createQueryClient } from '../../../renderer/queries/client';
import { emailsQuery } from '../../../renderer/queries/emails';
import { startFirstReads } from '../../../renderer/queries/first-reads';
import { sendFirstRequests } from '../../../renderer/queries/first-requests';
import { keys } from '../../../renderer/queries/keys';
import { libraryQuery } from '../../../renderer/queries/library';
import { useUiStore } from '../../../renderer/stores/useUiStore';
import { EMPTY_STATUS, emailSummary, installFirstScreenStub } from '../stub-api';

const settled = () => new Promise((done) => setTimeout(done, 0));

/** The window's storage, as a returning learner's profile has it. */
function rememberCourse(courseId: string | undefined): void {
  const stored = new Map<string, string>(courseId ? [[REMEMBERED_COURSE, courseId]] : []);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  });
}

const withCourse = (id: string): LibraryStatus => ({
  ...EMPTY_STATUS,
  courses: [{ id, title: `Course ${id}`, emailCount: 1 } as LibraryStatus['courses'][number]],
});

beforeEach(() => rememberCourse(undefined));
afterEach(() => {
  vi.unstubAllGlobals();
  useUiStore.setState({ activeCourseId: undefined });
});

describe('the requests sent first, before React', () => {
  test("a returning learner's first screen is asked at once and each answer is used, not asked again", async () => {
    rememberCourse('c2');
    const stub = installFirstScreenStub({
      'status:get': () => withCourse('c2'),
      'settings:get': () => ({ theme: 'dark' }),
      'emails:list': () => [emailSummary(1)],
    });
    sendFirstRequests();
    // Sent before any query cache exists: what the first screen needs, the course's list included.
    expect(stub.calls.map((c) => `${c.channel} ${c.args.join(',')}`)).toEqual([
      'status:get ',
      'catalog:get ',
      'settings:get ',
      'emails:list c2',
      'progress:get c2',
    ]);

    useUiStore.getState().actions.setActiveCourse('c2');
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    await settled();
    expect(stub.calls).toHaveLength(5);
    expect(client.getQueryData<LibraryStatus>(keys.library())?.courses[0]?.id).toBe('c2');
    expect(client.getQueryData<AppSettings>(keys.settings())?.theme).toBe('dark');
    expect(client.getQueryData(emailsQuery('c2').queryKey)).toHaveLength(1);
  });

  test('an answer sent first is used once: a later read asks the core again', async () => {
    let courses = 'c1';
    const stub = installFirstScreenStub({ 'status:get': () => withCourse(courses) });
    sendFirstRequests();
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    courses = 'c9';
    const again = await client.fetchQuery({ ...libraryQuery(), staleTime: 0 });
    expect(again.courses[0]?.id).toBe('c9');
    expect(stub.calls.filter((c) => c.channel === 'status:get')).toHaveLength(2);
  });

  test('a request refused before the window is ready is shown by its query, in words', async () => {
    const stub = installFirstScreenStub({
      'status:get': () => {
        throw new Error('The library folder cannot be read.');
      },
    });
    sendFirstRequests();
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    await settled();
    expect(client.getQueryState(keys.library())?.error?.message).toBe(
      'The library folder cannot be read.',
    );
    expect(stub.calls.filter((c) => c.channel === 'status:get')).toHaveLength(1);
  });

  test('without the bridge nothing can be sent, and it says so in words', () => {
    delete (globalThis as { studyline?: unknown }).studyline;
    expect(() => sendFirstRequests()).toThrow(/app bridge is missing/);
  });
});
