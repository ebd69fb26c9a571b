import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { writeLoopbackCatalog } from '../../helpers/test-catalog';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';

let server: FeedServer;
let dir: string;
let now: Date;
let core: StudylineCore;

async function open(): Promise<StudylineCore> {
  return openStudyline({
    dataDir: join(dir, 'data'),
    owner: 'cli',
    catalogPath: join(dir, 'catalog.json'),
    now: () => new Date(now),
    zone: 'Europe/London',
  });
}

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-pace-'));
  await writeLoopbackCatalog(dir, server.origin);
  // 16 emails, one every 3 days from 21 Oct 2013 (the original rhythm).
  serveArchive(server, { posts: makePosts(16) });
  now = new Date('2026-11-02T08:00:00Z'); // a Monday
  core = await open();
  await core.follow({ sequenceId: 'seq21oct13' });
  await core.sync({ courseId: 'seq21oct13' });
});
afterEach(async () => {
  await core.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('own pace through the core', () => {
  it('starts a followed course today at the original rhythm', async () => {
    const view = await core.progress('seq21oct13');
    expect(view.plan).toMatchObject({ startOn: '2026-11-02', pace: { kind: 'as-sent' } });
    const emails = await core.emails('seq21oct13');
    expect(view.dueOn[emails[0]!.id]).toBe('2026-11-02');
    expect(view.dueOn[emails[1]!.id]).toBe('2026-11-05');
    // Week 1 of the plan is the seven days from its start: 2, 8 and 11 November → weeks 1, 1, 2.
    expect([0, 2, 3].map((n) => view.weekOf[emails[n]!.id])).toEqual([1, 1, 2]);
    expect(view.status).toMatchObject({
      total: 16,
      done: 0,
      percent: 0,
      standing: { kind: 'on-track' },
    });
  });

  it('previews and saves a half-speed plan on study days only', async () => {
    const input = {
      startOn: '2026-11-02',
      pace: { kind: 'factor' as const, factor: 0.5 },
      studyDays: [1, 3, 5],
      remindAt: '18:30',
    };
    const preview = await core.previewPlan('seq21oct13', input);
    const saved = await core.setPlan('seq21oct13', input);
    expect(preview.plannedFinishOn).toBe(saved.status.plannedFinishOn);
    const weekdays = Object.values(saved.dueOn).map((d) => new Date(`${d}T12:00:00Z`).getUTCDay());
    expect(weekdays.every((d) => [1, 3, 5].includes(d))).toBe(true);
    expect(preview.weeks).toBeGreaterThanOrEqual(12);
  });

  it('refuses an impossible plan and keeps the saved one', async () => {
    const before = await core.progress('seq21oct13');
    await expect(
      core.setPlan('seq21oct13', {
        startOn: '2026-02-30',
        pace: { kind: 'as-sent' },
        studyDays: [1],
        remindAt: '09:00',
      }),
    ).rejects.toThrow(/date|exist/i);
    await expect(
      core.setPlan('seq21oct13', {
        startOn: '2026-11-02',
        pace: { kind: 'factor', factor: 0 },
        studyDays: [1],
        remindAt: '09:00',
      }),
    ).rejects.toThrow(/pace|speed|factor/i);
    await expect(
      core.setPlan('seq21oct13', {
        startOn: '2026-11-02',
        pace: { kind: 'as-sent' },
        studyDays: [],
        remindAt: '09:00',
      }),
    ).rejects.toThrow(/study day/i);
    expect((await core.progress('seq21oct13')).plan).toEqual(before.plan);
  });

  it('records done emails, shows the learner behind, and catches up keeping progress', async () => {
    const emails = await core.emails('seq21oct13');
    await core.setDone(emails[0]!.id, true);
    now = days(10);
    const behind = await core.progress('seq21oct13');
    expect(behind.status.standing).toEqual({ kind: 'behind', count: 3 });
    const caught = await core.catchUp('seq21oct13');
    expect(caught.status.standing.kind).not.toBe('behind');
    expect(caught.dueOn[emails[1]!.id]).toBe('2026-11-12');
    expect(caught.status.done).toBe(1);
    expect((await core.emails('seq21oct13'))[0]).toMatchObject({ done: true, opened: true });
  });

  it('pauses and resumes: open emails move by the length of the pause', async () => {
    const emails = await core.emails('seq21oct13');
    const before = await core.progress('seq21oct13');
    await core.pause('seq21oct13');
    now = days(7);
    const resumed = await core.resume('seq21oct13');
    expect(resumed.status.paused).toBe(false);
    expect(resumed.dueOn[emails[3]!.id]).toBe(addDay(before.dueOn[emails[3]!.id]!, 7));
  });

  it('says clearly when an email does not exist', async () => {
    await expect(core.setDone('seq21oct13-x.0000000000', true)).rejects.toThrow(/no email/);
  });

  it("plans one reminder per course at the learner's time, shown once across a restart", async () => {
    await core.setPlan('seq21oct13', {
      startOn: '2026-11-02',
      pace: { kind: 'as-sent' },
      studyDays: [0, 1, 2, 3, 4, 5, 6],
      remindAt: '09:00',
    });
    const plan = await core.reminders();
    expect(plan.nextFireAt).toBe('2026-11-02T09:00:00.000Z');
    expect(plan.dueCount).toBe(1);
    now = new Date('2026-11-02T09:00:30Z');
    const due = await core.reminders();
    expect(due.showNow).toHaveLength(1);
    await core.markRemindersShown(due.showNow.map((r) => r.record));
    await core.close();
    core = await open();
    expect((await core.reminders()).showNow).toHaveLength(0);
  });

  it('turns reminders off and back on through the settings', async () => {
    expect(core.settings().reminders.enabled).toBe(true);
    const off = await core.updateSettings({ remindersEnabled: false, closeToTray: false });
    expect(off).toMatchObject({ closeToTray: false, reminders: { enabled: false } });
    now = new Date('2026-11-02T09:30:00Z');
    expect((await core.reminders()).showNow).toHaveLength(0);
  });

  it('exports the plan as a calendar with one event per email and stable ids', async () => {
    const first = await core.exportIcs('seq21oct13');
    expect(first.fileName).toMatch(/\.ics$/);
    expect(first.text.match(/BEGIN:VEVENT/g)).toHaveLength(16);
    await core.pause('seq21oct13');
    const second = await core.exportIcs('seq21oct13');
    const uids = (text: string) => text.match(/^UID:.*$/gm);
    expect(uids(second.text)).toEqual(uids(first.text));
  });
});

function addDay(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('done up to here', () => {
  it('marks the email and every earlier open one done, and says which, for an undo', async () => {
    const emails = await core.emails('seq21oct13');
    await core.setDone(emails[1]!.id, true);
    const result = await core.setDoneUpTo(emails[3]!.id);
    expect(result).toEqual({
      courseId: 'seq21oct13',
      emailIds: [emails[0]!.id, emails[2]!.id, emails[3]!.id],
    });
    const after = await core.emails('seq21oct13');
    expect(after.map((e) => e.done).slice(0, 5)).toEqual([true, true, true, true, false]);
    expect((await core.progress('seq21oct13')).status.done).toBe(4);

    const undone = await core.setDoneMany(result.emailIds, false);
    expect(undone.map((s) => s.done)).toEqual([false, false, false]);
    const restored = await core.emails('seq21oct13');
    expect(restored.map((e) => e.done).slice(0, 4)).toEqual([false, true, false, false]);
  });

  it('survives a restart, and refuses an email that is not in the library', async () => {
    const emails = await core.emails('seq21oct13');
    await core.setDoneUpTo(emails[2]!.id);
    await core.close();
    core = await open();
    expect((await core.progress('seq21oct13')).status.done).toBe(3);
    await expect(core.setDoneUpTo('nope.0000')).rejects.toThrow(/no email "nope.0000"/);
    await expect(core.setDoneMany([emails[0]!.id, 'nope.1'], false)).rejects.toThrow(/no email/);
    // Refused as a whole: the first email is still done.
    expect((await core.emails('seq21oct13'))[0]?.done).toBe(true);
  });
});
