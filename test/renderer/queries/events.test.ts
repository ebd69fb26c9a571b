import type { QueryClient } from '@tanstack/react-query';
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SyncProgress, SyncReport, SyncStatus } from '../../../electron/shared/types';
import { createQueryClient } from '../../../renderer/queries/client';
import { connectEvents } from '../../../renderer/queries/events';
import { keys } from '../../../renderer/queries/keys';
import { studyline } from '../../../renderer/lib/studyline-api';
import { installStubApi } from '../stub-api';
import type { StubApi } from '../stub-api';

/** The reads the window's screens keep on screen, as the query modules ask them. */
const ON_SCREEN: [readonly unknown[], string, unknown[]][] = [
  [keys.library(), 'status:get', []],
  [keys.emails('c1'), 'emails:list', ['c1']],
  [keys.progress('c1'), 'progress:get', ['c1']],
  [keys.groups('c1'), 'groups:list', ['c1']],
  [keys.email('e1'), 'email:open', ['e1']],
  [keys.progress('c2'), 'progress:get', ['c2']],
  [keys.settings(), 'settings:get', []],
  [keys.sync(), 'sync:status', []],
  [keys.search('turtle'), 'search:query', [{ text: 'turtle' }]],
  [keys.courseSearch('c1', 'turtle'), 'search:query', [{ text: 'turtle', courseId: 'c1' }]],
  [keys.courseSearch('c2', 'turtle'), 'search:query', [{ text: 'turtle', courseId: 'c2' }]],
];

const SEARCH_ALL = 'search:query {"text":"turtle"}';
const SEARCH_C1 = 'search:query {"text":"turtle","courseId":"c1"}';

const IDLE: SyncStatus = { queuedSourceIds: [] };

let stub: StubApi;
let client: QueryClient;
let disconnect: () => void;
const opened = vi.fn();
const unsubscribes: (() => void)[] = [];

beforeEach(async () => {
  stub = installStubApi({ 'sync:status': () => IDLE });
  client = createQueryClient();
  disconnect = connectEvents(client, opened);
  for (const [queryKey, channel, args] of ON_SCREEN) {
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: async () => (await studyline()[channel as 'status:get'](...(args as []))) ?? null,
    });
    unsubscribes.push(observer.subscribe(() => undefined));
  }
  await vi.waitFor(() => expect(client.isFetching()).toBe(0));
  stub.calls.length = 0;
});

afterEach(() => {
  unsubscribes.splice(0).forEach((off) => off());
  disconnect();
  client.clear();
});

async function readsAfter(fire: () => void): Promise<string[]> {
  fire();
  await new Promise((done) => setTimeout(done, 0));
  await vi.waitFor(() => expect(client.isFetching()).toBe(0));
  const arg = (a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a));
  return stub.calls.map((c) => `${c.channel} ${c.args.map(arg).join(',')}`.trim());
}

const report: SyncReport = {
  startedAt: '2026-11-30T10:00:00Z',
  finishedAt: '2026-11-30T10:00:04Z',
  results: [],
  ok: true,
  offline: false,
  cancelled: false,
};

const page = (n: number): SyncProgress => ({
  sourceId: 'archive',
  url: 'https://blog.example/feed/',
  kind: 'archive',
  phase: 'page',
  page: n,
  newItems: n * 10,
  totalItems: n * 10,
});

describe('each event reads again exactly what it names', () => {
  test('the window says it is ready once it listens', async () => {
    const fresh = installStubApi({});
    const off = connectEvents(createQueryClient(), opened);
    await vi.waitFor(() => expect(fresh.calls.map((c) => c.channel)).toEqual(['app:ready']));
    off();
  });

  test('a done mark: one read, the course’s progress', async () => {
    const reads = await readsAfter(() =>
      stub.emit('progress:changed', { courseId: 'c1', emailIds: ['e1'], fields: ['done'] }),
    );
    expect(reads).toEqual(['progress:get c1']);
  });

  test('a note: that email, and the searches over its course (notes are searched)', async () => {
    const reads = await readsAfter(() =>
      stub.emit('progress:changed', { courseId: 'c1', emailIds: ['e1'], fields: ['note'] }),
    );
    expect(reads.sort()).toEqual(['email:open e1', SEARCH_C1, SEARCH_ALL].sort());
  });

  test('a plan change: that course’s progress only', async () => {
    expect(await readsAfter(() => stub.emit('plan:changed', { courseId: 'c2' }))).toEqual([
      'progress:get c2',
    ]);
  });

  test('a settings change: the settings only', async () => {
    const reads = await readsAfter(() => stub.emit('settings:changed', { fields: ['theme'] }));
    expect(reads).toEqual(['settings:get']);
  });

  test('a sync: progress without a read, then one refresh of what changed', async () => {
    const reads = await readsAfter(() => {
      stub.emit('sync:begin', { syncId: 's1', sourceIds: ['archive'], startedAt: 'x' });
      stub.emit('sync:progress', { syncId: 's1', progress: page(1) });
      stub.emit('sync:progress', { syncId: 's1', progress: page(2) });
    });
    expect(reads).toEqual([]);
    expect(client.getQueryData<SyncStatus>(keys.sync())?.running).toMatchObject({
      syncId: 's1',
      progress: [page(2)],
    });
    const after = await readsAfter(() =>
      stub.emit('sync:finish', {
        syncId: 's1',
        report,
        changed: { courseIds: ['c1'], sourceIds: ['archive'] },
      }),
    );
    expect(after.sort()).toEqual(
      [
        'emails:list c1',
        'groups:list c1',
        'progress:get c1',
        'status:get',
        SEARCH_C1,
        SEARCH_ALL,
      ].sort(),
    );
    expect(client.getQueryData<SyncStatus>(keys.sync())).toEqual({
      queuedSourceIds: [],
      running: undefined,
      last: { syncId: 's1', report, changed: { courseIds: ['c1'], sourceIds: ['archive'] } },
    });
  });

  test('a sync that changed nothing: the status only (last sync times)', async () => {
    const reads = await readsAfter(() =>
      stub.emit('sync:finish', { syncId: 's2', report, changed: { courseIds: [], sourceIds: [] } }),
    );
    expect(reads).toEqual(['status:get']);
  });

  test('a clicked reminder opens its email', () => {
    stub.emit('app:openEmail', { courseId: 'c2', emailId: 'e9' });
    expect(opened).toHaveBeenCalledWith('c2', 'e9');
  });
});
