import { beforeEach, expect, test } from 'vitest';
import type { SyncProgress, SyncReport } from '../../../electron/shared/types';
import { useSyncStore } from '../../../renderer/stores/useSyncStore';
import { installStubApi } from './stub-api';

const sync = () => useSyncStore.getState();

const progress = (page: number): SyncProgress => ({
  sourceId: 'a',
  url: 'https://blog.example/feed/',
  kind: 'archive',
  phase: 'page',
  page,
  newItems: page * 10,
  totalItems: page * 10,
});

const report: SyncReport = {
  startedAt: '2024-01-01T00:00:00Z',
  finishedAt: '2024-01-01T00:00:03Z',
  ok: true,
  offline: false,
  cancelled: false,
  results: [],
};

beforeEach(() => {
  useSyncStore.setState({
    running: false,
    cancelling: false,
    progress: [],
    lastReport: undefined,
    error: undefined,
  });
});

test('progress events update one line per source as pages arrive', () => {
  const stub = installStubApi({});
  const off = sync().actions.connect();
  stub.emit('sync:progress', { syncId: 's1', progress: progress(1) });
  stub.emit('sync:progress', { syncId: 's1', progress: progress(2) });
  stub.emit('sync:progress', {
    syncId: 's1',
    progress: { ...progress(1), sourceId: 'g', kind: 'group' },
  });
  expect(sync().running).toBe(true);
  expect(sync().progress.map((p) => [p.sourceId, p.page])).toEqual([
    ['a', 2],
    ['g', 1],
  ]);
  stub.emit('sync:finish', { syncId: 's1', report, changed: { courseIds: [], sourceIds: [] } });
  expect(sync().running).toBe(false);
  expect(sync().lastReport).toEqual(report);
  off();
  stub.emit('sync:progress', { syncId: 's1', progress: progress(3) });
  expect(sync().running).toBe(false);
});

test('a sync that cannot start says why and is no longer running', async () => {
  installStubApi({
    'sync:start': () => {
      throw new Error('Another Studyline is using this library. Close it and try again.');
    },
  });
  expect(await sync().actions.start()).toBeUndefined();
  expect(sync().running).toBe(false);
  expect(sync().error).toBe('Another Studyline is using this library. Close it and try again.');
});

test('Retry syncs just that source', async () => {
  const stub = installStubApi({ 'sync:start': () => report });
  await sync().actions.retrySource('grp');
  expect(stub.calls.find((c) => c.channel === 'sync:start')?.args).toEqual([
    { sourceIds: ['grp'] },
  ]);
  expect(sync().lastReport).toEqual(report);
});
