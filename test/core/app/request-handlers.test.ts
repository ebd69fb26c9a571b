import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { createRequestHandlers } from '../../../electron/core/app/request-handlers';
import type { CoreHandlers } from '../../../electron/core/app/request-handlers';
import { createSyncRunner } from '../../../electron/core/app/sync-runner';
import type { Events } from '../../../electron/shared/contract';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { groupFeed, writeLoopbackCatalog } from '../../helpers/test-catalog';
import { textMatching } from '../../helpers/matchers';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive, type ArchiveRoute } from '../../helpers/wordpress-server';

let server: FeedServer;
let archive: ArchiveRoute;
let dir: string;
let core: StudylineCore;
let handlers: CoreHandlers;
let events: { event: keyof Events; payload: unknown }[];
let shown: string[];
let clipboard: string[];

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-handlers-'));
  archive = serveArchive(server, { posts: makePosts(6) });
  server.route(
    '/forum/latest.rss',
    serveBody(groupFeed(server.origin, new Date()), {
      headers: { 'content-type': 'application/rss+xml' },
    }),
  );
  core = await openStudyline({
    dataDir: join(dir, 'data'),
    owner: 'cli',
    catalogPath: await writeLoopbackCatalog(dir, server.origin),
  });
  events = [];
  shown = [];
  clipboard = [];
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) =>
    events.push({ event, payload });
  handlers = createRequestHandlers(core, {
    emit,
    syncs: createSyncRunner({ core, emit }),
    openExternal: async () => undefined,
    saveFile: async (name) => join(dir, name),
    openTextFile: async () => undefined,
    showInFolder: (path) => void shown.push(path),
    writeClipboard: (text) => void clipboard.push(text),
    chooseFolder: async () => undefined,
  });
});

afterEach(async () => {
  await core.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const told = () => events.map((e) => e.event);

async function followAndSync(): Promise<string[]> {
  const course = await handlers['course:follow']({ sequenceId: 'seq21oct13' });
  await handlers['sync:start']({ courseId: course.id });
  events = [];
  return (await core.emails(course.id)).map((e) => e.id);
}

describe('every change is told once, naming what changed', () => {
  it('following names the course and its feeds', async () => {
    const course = await handlers['course:follow']({ sequenceId: 'seq21oct13' });
    expect(events).toEqual([
      {
        event: 'library:changed',
        payload: { courseIds: [course.id], sourceIds: core.sourceIdsFor({ courseId: course.id }) },
      },
    ]);
    expect(core.sourceIdsFor({ courseId: course.id })).toHaveLength(2);
  });

  it('the end of a sync is one event carrying its report and the courses it changed', async () => {
    const course = await handlers['course:follow']({ sequenceId: 'seq21oct13' });
    events = [];
    const report = await handlers['sync:start']({ courseId: course.id });
    expect(told().filter((e) => e !== 'sync:progress')).toEqual(['sync:begin', 'sync:finish']);
    const finish = events.at(-1)!.payload as Events['sync:finish'];
    expect(finish.report).toEqual(report);
    expect(finish.changed.courseIds).toEqual([course.id]);
    expect(finish.changed.sourceIds.sort()).toEqual(core.sourceIdsFor({}).sort());

    // Nothing new on the next sync: the library did not change.
    events = [];
    await handlers['sync:start']({});
    expect((events.at(-1)!.payload as Events['sync:finish']).changed).toEqual({
      courseIds: [],
      sourceIds: [],
    });
    expect(archive.pageRequests()).toBeGreaterThan(0);
  });

  it('marking done names the course, the email and the field', async () => {
    const [first] = await followAndSync();
    const state = await handlers['email:setDone'](first!, true);
    expect(state).toMatchObject({ emailId: first, courseId: 'seq21oct13', done: true });
    expect(events).toEqual([
      {
        event: 'progress:changed',
        payload: { courseId: 'seq21oct13', emailIds: [first], fields: ['done'] },
      },
    ]);
    await handlers['email:setNote'](first!, 'Ask about range()');
    expect(events[1]!.payload).toEqual({
      courseId: 'seq21oct13',
      emailIds: [first],
      fields: ['note'],
    });
  });

  it("the course's progress carries each email's marks, so one read shows a change", async () => {
    const [first, second] = await followAndSync();
    await handlers['email:setDone'](first!, true);
    await handlers['email:setStarred'](second!, true);
    const view = await handlers['progress:get']('seq21oct13');
    expect(view.marks).toEqual({
      [first!]: { opened: true, done: true, starred: false },
      [second!]: { opened: false, done: false, starred: true },
    });
  });

  it('plan changes name their course; settings name their fields (and course)', async () => {
    await followAndSync();
    await handlers['plan:pause']('seq21oct13');
    await handlers['settings:set']({ courseReminders: { courseId: 'seq21oct13', enabled: false } });
    await handlers['settings:set']({ theme: 'dark', syncEveryHours: 6 });
    expect(events.map((e) => [e.event, e.payload])).toEqual([
      ['plan:changed', { courseId: 'seq21oct13' }],
      ['settings:changed', { fields: ['reminders'], courseId: 'seq21oct13' }],
      ['settings:changed', { fields: ['theme', 'syncEveryHours'] }],
    ]);
  });

  it('reading tells nothing, and a refused change tells nothing', async () => {
    const [first] = await followAndSync();
    await handlers['email:open'](first!);
    await handlers['progress:get']('seq21oct13');
    await expect(handlers['email:setDone']('nope.123', true)).rejects.toThrow(
      'There is no email "nope.123"',
    );
    expect(events).toEqual([]);
  });

  it('reading ahead records nothing: the email stays unread until the learner opens it', async () => {
    const [first] = await followAndSync();
    const ahead = await handlers['email:read'](first!);
    expect(ahead).toMatchObject({ id: first, opened: false });
    expect(ahead.html).toContain('<p>');
    expect((await handlers['progress:get']('seq21oct13')).marks[first!]?.opened ?? false).toBe(
      false,
    );
    expect(await handlers['email:open'](first!)).toMatchObject({ id: first, opened: true });
    expect((await handlers['progress:get']('seq21oct13')).marks[first!]?.opened).toBe(true);
    expect(events).toEqual([]);
  });

  it('previews every choice of the plan form in one request, an impossible one saying why', async () => {
    await followAndSync();
    const base = { startOn: '2026-12-01', studyDays: [1, 3, 5], remindAt: '09:00' };
    const [asSent, none] = await handlers['plan:preview']('seq21oct13', [
      { ...base, pace: { kind: 'as-sent' } },
      { ...base, pace: { kind: 'per-week', perWeek: 0 } },
    ]);
    // Tuesday 1 December; the first study day from then is Wednesday.
    expect(asSent).toMatchObject({ preview: { emails: 6, firstDueOn: '2026-12-02' } });
    expect(none).toMatchObject({
      error: { code: 'invalid-input', message: textMatching(/^0 emails per week/) },
    });
  });
});

describe('the system around the window', () => {
  it('shows in the file manager only files Studyline saved itself', async () => {
    await followAndSync();
    const { path } = await handlers['progress:export']();
    await handlers['file:showInFolder'](path!);
    expect(shown).toEqual([path]);
    await expect(handlers['file:showInFolder']('/etc/passwd')).rejects.toThrow(
      'Studyline can only show files it saved itself.',
    );
    expect(shown).toEqual([path]);
  });

  it('puts the question on the clipboard as given', async () => {
    await handlers['clipboard:write']('Email 3: Lists\nhttps://example.org/3');
    expect(clipboard).toEqual(['Email 3: Lists\nhttps://example.org/3']);
  });
});
