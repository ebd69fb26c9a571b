import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import type { CourseView, LibraryStatus } from '../../../electron/shared/types';
import { createQueryClient } from '../../../renderer/queries/client';
import { emailsQuery } from '../../../renderer/queries/emails';
import { startFirstReads } from '../../../renderer/queries/first-reads';
import { keys } from '../../../renderer/queries/keys';
import { useUiStore } from '../../../renderer/stores/useUiStore';
import { EMPTY_STATUS, emailSummary, installFirstScreenStub } from '../stub-api';

function course(id: string): CourseView {
  return { id, title: `Course ${id}`, emailCount: 2 } as CourseView;
}

const library = (...ids: string[]): LibraryStatus => ({
  ...EMPTY_STATUS,
  courses: ids.map(course),
});

const settled = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => useUiStore.setState({ activeCourseId: undefined }));

describe('the first reads', () => {
  test('ask the emails and plan of the first course as soon as the library answers', async () => {
    const stub = installFirstScreenStub({
      'status:get': () => library('c1', 'c2'),
      'emails:list': () => [emailSummary(1), emailSummary(2)],
    });
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    await settled();
    expect(stub.calls.map((c) => `${c.channel} ${c.args.join(',')}`)).toEqual([
      'status:get ',
      'catalog:get ',
      'settings:get ',
      'emails:list c1',
      'progress:get c1',
    ]);
    // The list's own query finds them: no second request when it mounts.
    const list = new QueryObserver(client, emailsQuery('c1'));
    const unsubscribe = list.subscribe(() => {});
    await settled();
    expect(list.getCurrentResult().data?.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(stub.calls.filter((c) => c.channel === 'emails:list')).toHaveLength(1);
    expect(client.getQueryData<LibraryStatus>(keys.library())?.courses).toHaveLength(2);
    unsubscribe();
  });

  test("ask a returning learner's course together with the library, not after it", async () => {
    useUiStore.getState().actions.setActiveCourse('c2');
    // The library answers only when the test says so: the course's reads must not wait for it.
    let answerLibrary: (status: LibraryStatus) => void = () => {};
    const stub = installFirstScreenStub({
      'status:get': () => new Promise<LibraryStatus>((done) => (answerLibrary = done)),
    });
    void startFirstReads(createQueryClient());
    await settled();
    expect(stub.calls.map((c) => `${c.channel} ${c.args.join(',')}`).sort()).toEqual([
      'catalog:get ',
      'emails:list c2',
      'progress:get c2',
      'settings:get ',
      'status:get ',
    ]);
    answerLibrary(library('c1', 'c2'));
    await settled();
    await settled();
    // Still on screen once the library answers: nothing asked twice, nothing for c1.
    expect(stub.calls).toHaveLength(5);
  });

  test('a remembered course that is gone: the first course is asked once the library answers', async () => {
    useUiStore.getState().actions.setActiveCourse('gone');
    const stub = installFirstScreenStub({
      'status:get': () => library('c1'),
      'emails:list': (courseId) => {
        if (courseId === 'gone') throw new Error('This course is no longer followed.');
        return [emailSummary(1)];
      },
    });
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    await settled();
    expect(stub.calls.filter((c) => c.args[0] === 'c1').map((c) => c.channel)).toEqual([
      'emails:list',
      'progress:get',
    ]);
    expect(client.getQueryData(emailsQuery('c1').queryKey)).toHaveLength(1);
  });

  test('ask nothing more for an empty library, and leave a failure to the library query', async () => {
    const empty = installFirstScreenStub({});
    void startFirstReads(createQueryClient());
    await settled();
    expect(empty.calls.map((c) => c.channel)).toEqual([
      'status:get',
      'catalog:get',
      'settings:get',
    ]);

    const failing = installFirstScreenStub({
      'status:get': () => {
        throw new Error('The library folder cannot be read.');
      },
    });
    const client = createQueryClient();
    void startFirstReads(client);
    await settled();
    await settled();
    expect(failing.calls.map((c) => c.channel)).not.toContain('emails:list');
    expect(client.getQueryState(keys.library())?.status).toBe('error');
  });

  test('settle once the library and the catalog have answered, a refusal included: the first screen is drawn then', async () => {
    let answerCatalog: (catalog: unknown) => void = () => {};
    installFirstScreenStub({
      'status:get': () => {
        throw new Error('The library folder cannot be read.');
      },
      'catalog:get': () => new Promise((done) => (answerCatalog = done)),
    });
    let drawable = false;
    void startFirstReads(createQueryClient()).then(() => (drawable = true));
    await settled();
    await settled();
    // The library has failed (its screen will say so), but the catalog is still on its way.
    expect(drawable).toBe(false);
    answerCatalog({ sequences: [] });
    await settled();
    expect(drawable).toBe(true);
  });

  test('settle once the shown course has its emails and plan too: the first screen is drawn once, with its list', async () => {
    let answerPlan: (plan: unknown) => void = () => {};
    installFirstScreenStub({
      'status:get': () => library('c1', 'c2'),
      'emails:list': () => [emailSummary(1)],
      'progress:get': () => new Promise((done) => (answerPlan = done)),
    });
    const client = createQueryClient();
    let drawable = false;
    void startFirstReads(client).then(() => (drawable = true));
    await settled();
    await settled();
    // The library, the catalog and the emails are in; the plan is still on its way.
    expect(client.getQueryData(emailsQuery('c1').queryKey)).toHaveLength(1);
    expect(drawable).toBe(false);
    answerPlan({ courseId: 'c1' });
    await settled();
    await settled();
    expect(drawable).toBe(true);
  });

  test("a returning learner's screen waits for that course's list, not the first course's", async () => {
    useUiStore.getState().actions.setActiveCourse('c2');
    let answerEmails: (emails: unknown) => void = () => {};
    const stub = installFirstScreenStub({
      'status:get': () => library('c1', 'c2'),
      'emails:list': () => new Promise((done) => (answerEmails = done)),
    });
    let drawable = false;
    void startFirstReads(createQueryClient()).then(() => (drawable = true));
    await settled();
    await settled();
    expect(drawable).toBe(false);
    answerEmails([emailSummary(1)]);
    await settled();
    await settled();
    expect(drawable).toBe(true);
    expect(stub.calls.filter((c) => c.args[0] === 'c1')).toHaveLength(0);
  });
});
