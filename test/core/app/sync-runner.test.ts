import { describe, expect, it, vi } from 'vitest';
import type { SyncOptions } from '../../../electron/core/app/core-api';
import { createSyncRunner } from '../../../electron/core/app/sync-runner';
import { StudylineError } from '../../../electron/core/errors';
import type { SyncScope } from '../../../electron/shared/contract';
import type { SourceSyncResult, SourceView, SyncReport } from '../../../electron/shared/types';

const ALL = ['archive', 'forum', 'reddit'];

/** A core whose syncs the test ends by hand, source by source. */
function fakeCore() {
  const runs: {
    sourceIds: string[];
    options: SyncOptions;
    finish: (results?: Partial<Record<string, Partial<SourceSyncResult>>>) => void;
    fail: (error: unknown) => void;
  }[] = [];
  const core = {
    sourceIdsFor: (scope: SyncScope) => scope.sourceIds ?? ALL,
    sources: async (): Promise<SourceView[]> =>
      ALL.map((id) => ({
        id,
        url: `https://example.org/${id}`,
        kind: id === 'archive' ? 'archive' : 'group',
        status: 'ok',
        itemCount: 1,
        courseIds: id === 'reddit' ? ['other'] : ['python'],
      })),
    sync: vi.fn(
      (scope: SyncScope, options: SyncOptions = {}) =>
        new Promise<SyncReport>((resolve, reject) => {
          const sourceIds = scope.sourceIds ?? ALL;
          runs.push({
            sourceIds,
            options,
            fail: reject,
            finish: (changes = {}) => {
              const results = sourceIds.map((sourceId) => result(sourceId, changes[sourceId]));
              resolve({
                startedAt: '2026-11-30T10:00:00.000Z',
                finishedAt: '2026-11-30T10:00:05.000Z',
                results,
                ok: results.every((r) => r.status === 'ok' || r.status === 'not-modified'),
                offline: false,
                cancelled: options.signal?.aborted ?? false,
              });
            },
          });
        }),
    ),
  };
  return { core, runs };
}

function result(sourceId: string, change: Partial<SourceSyncResult> = {}): SourceSyncResult {
  return {
    sourceId,
    url: `https://example.org/${sourceId}`,
    kind: 'group',
    status: 'not-modified',
    newItems: 0,
    updatedItems: 0,
    pages: 1,
    itemCount: 1,
    ...change,
  };
}

function setup() {
  const { core, runs } = fakeCore();
  const events: { event: string; payload: unknown }[] = [];
  let n = 0;
  const runner = createSyncRunner({
    core,
    emit: (event, payload) => events.push({ event, payload }),
    newId: () => `sync-${++n}`,
  });
  const progress = (sourceId: string, phase: 'page' | 'done' | 'error') =>
    runs.at(-1)!.options.onProgress!({
      sourceId,
      url: `https://example.org/${sourceId}`,
      kind: 'group',
      phase,
      newItems: 0,
      totalItems: 1,
    });
  return { runner, runs, events, progress, core };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('the one sync state', () => {
  it('tells a sync as begin, progress and one finish with its id, and answers sync:status', async () => {
    const { runner, runs, events, progress } = setup();
    const done = runner.start({});
    progress('archive', 'page');
    expect(runner.status()).toMatchObject({
      running: { syncId: 'sync-1', sourceIds: ALL, cancelling: false },
      queuedSourceIds: [],
    });
    expect(runner.status().running?.progress.map((p) => p.sourceId)).toEqual(['archive']);
    runs[0]!.finish({ archive: { status: 'ok', newItems: 3 } });
    const report = await done;
    expect(events.map((e) => e.event)).toEqual(['sync:begin', 'sync:progress', 'sync:finish']);
    expect(events[2]!.payload).toEqual({
      syncId: 'sync-1',
      report,
      changed: { courseIds: ['python'], sourceIds: ['archive'] },
    });
    expect(runner.status()).toEqual({
      running: undefined,
      queuedSourceIds: [],
      last: events[2]!.payload,
    });
  });

  it('a Retry of a source the running sync has not reached joins it, and gets its own report', async () => {
    const { runner, runs, events } = setup();
    const all = runner.start({});
    const retry = runner.start({ sourceIds: ['forum'] });
    await tick();
    expect(runs).toHaveLength(1);
    runs[0]!.finish({ archive: { status: 'error', error: 'The archive is down.' } });
    const own = await retry;
    expect(own.results.map((r) => r.sourceId)).toEqual(['forum']);
    // The other source's failure is not the retry's: its verdict is its own.
    expect(own.ok).toBe(true);
    expect((await all).ok).toBe(false);
    expect(events.filter((e) => e.event === 'sync:finish')).toHaveLength(1);
  });

  it('a Retry of a source the running sync already finished runs right after it', async () => {
    const { runner, runs, progress } = setup();
    const all = runner.start({});
    progress('forum', 'error');
    const retry = runner.start({ sourceIds: ['forum'] });
    expect(runner.status().queuedSourceIds).toEqual(['forum']);
    runs[0]!.finish({ forum: { status: 'error' } });
    await all;
    await tick();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.sourceIds).toEqual(['forum']);
    expect(runner.status().running?.syncId).toBe('sync-2');
    runs[1]!.finish({ forum: { status: 'ok', newItems: 2 } });
    const own = await retry;
    expect(own.results).toEqual([expect.objectContaining({ sourceId: 'forum', status: 'ok' })]);
  });

  it('requests that wait run together as one sync, each with its own report', async () => {
    const { runner, runs } = setup();
    const first = runner.start({ sourceIds: ['archive'] });
    const a = runner.start({ sourceIds: ['forum'] });
    const b = runner.start({ sourceIds: ['reddit', 'forum'] });
    runs[0]!.finish();
    await first;
    await tick();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.sourceIds.sort()).toEqual(['forum', 'reddit']);
    runs[1]!.finish();
    expect((await a).results.map((r) => r.sourceId)).toEqual(['forum']);
    expect((await b).results.map((r) => r.sourceId).sort()).toEqual(['forum', 'reddit']);
  });

  it('Cancel stops the running sync and drops the waiting ones; settled waits for the stop', async () => {
    const { runner, runs } = setup();
    const all = runner.start({ sourceIds: ['archive'] });
    const waiting = runner.start({ sourceIds: ['forum'] });
    runner.cancel();
    expect(runs[0]!.options.signal?.aborted).toBe(true);
    expect(runner.status().running?.cancelling).toBe(true);
    expect(await waiting).toMatchObject({ cancelled: true, results: [] });
    let settled = false;
    const quitting = runner.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    runs[0]!.finish();
    await quitting;
    expect((await all).cancelled).toBe(true);
    expect(runs).toHaveLength(1);
  });

  it('a sync that breaks off as a whole still finishes, each source saying why', async () => {
    const { runner, runs, events } = setup();
    const done = runner.start({ sourceIds: ['archive'] });
    runs[0]!.fail(new StudylineError('disk', 'The disk is full.', { hint: 'Free some space.' }));
    await expect(done).rejects.toThrow('The disk is full.');
    const finish = events.find((e) => e.event === 'sync:finish')!.payload as {
      report: SyncReport;
    };
    expect(finish.report.results).toEqual([
      expect.objectContaining({
        sourceId: 'archive',
        status: 'error',
        error: 'The disk is full. Free some space.',
        errorCode: 'disk',
      }),
    ]);
    expect(runner.status().running).toBeUndefined();
  });

  it('a scope naming a course not followed is refused before anything starts', async () => {
    const { runner, core, events } = setup();
    core.sourceIdsFor = () => {
      throw new StudylineError('not-found', 'You are not following a course "x".');
    };
    await expect(runner.start({ courseId: 'x' })).rejects.toThrow('not following');
    expect(events).toEqual([]);
  });
});
