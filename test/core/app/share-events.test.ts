import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { eventsOfShared, type CoreEvent } from '../../../electron/core/app/share-events';
import type { Events } from '../../../electron/shared/contract';
import type { ShareStatus } from '../../../electron/shared/types';
import { tempDir } from '../library/helpers';
import { Computer, course, T0 } from '../share/computers';

const COURSE = 'seq21oct13';
const email = (n: number) => `${course(COURSE).archiveSourceId}.e${n}`;

let opened: { core: StudylineCore; laptop: Computer } | undefined;

afterEach(async () => {
  await opened?.core.close();
  await opened?.laptop.close();
  opened = undefined;
});

/** The app's core on the desktop, and a laptop (another "device") sharing the same folder. */
async function desktopAndLaptop(sharePollMs?: number) {
  const time = { now: T0 };
  const laptop = await Computer.make('laptop', time);
  await laptop.share.start(laptop.folder);
  const events: CoreEvent[] = [];
  const core = await openStudyline({
    dataDir: path.join(await tempDir(), 'data'),
    owner: 'app',
    now: () => new Date(time.now),
    computerName: 'desktop',
    sharePollMs,
    onShared: (event) => events.push(event),
  });
  opened = { core, laptop };
  return { time, laptop, core, events };
}

const named = (events: CoreEvent[], name: CoreEvent['event']) =>
  events.filter((e) => e.event === name).map((e) => e.payload);

describe('what the learner’s other computers change reaches the window as events', () => {
  it('names the course, the emails and the fields taken in by one look at the folder', async () => {
    const { time, laptop, core, events } = await desktopAndLaptop();
    await laptop.follow(COURSE);
    await laptop.done(email(1));
    await laptop.sync();
    await core.shareStart(laptop.folder);
    expect(named(events, 'library:changed')).toEqual([
      { courseIds: [COURSE], sourceIds: [course(COURSE).archiveSourceId] },
    ]);
    const marks = named(events, 'progress:changed') as Events['progress:changed'][];
    expect(marks.map(({ courseId, emailIds }) => ({ courseId, emailIds }))).toEqual([
      { courseId: COURSE, emailIds: [email(1)] },
    ]);
    expect(marks[0]!.fields.sort()).toEqual(['done', 'opened']);
    expect(named(events, 'plan:changed')).toEqual([{ courseId: COURSE }]);
    const status = named(events, 'share:changed').at(-1) as ShareStatus;
    expect(status.others.map((o) => o.name)).toEqual(['laptop']);

    // Later the laptop writes a note on the second email: one check on the desktop brings it.
    events.length = 0;
    time.now += 60_000;
    await laptop.note(email(2), 'Ask about while loops');
    await laptop.sync();
    await core.shareSync();
    expect(named(events, 'progress:changed')).toEqual([
      { courseId: COURSE, emailIds: [email(2)], fields: ['note'] },
    ]);
    expect(events.map((e) => e.event)).not.toContain('plan:changed');
    expect(core.shareStatus().lastChangeAt).toBe(new Date(time.now).toISOString());
  });

  it('looks at the folder by itself while the app runs', async () => {
    const { laptop, core, events } = await desktopAndLaptop(20);
    await laptop.follow(COURSE);
    await laptop.sync();
    await core.shareStart(laptop.folder);
    events.length = 0;
    await laptop.done(email(3));
    await laptop.sync();
    await vi.waitFor(() => expect(named(events, 'progress:changed')).toHaveLength(1), {
      timeout: 10_000,
    });
    expect(named(events, 'progress:changed')[0]).toMatchObject({ emailIds: [email(3)] });
  });

  it('tells the sharing line only when what it says changes', async () => {
    const { laptop, core, events } = await desktopAndLaptop();
    await core.shareStart(laptop.folder);
    const told = named(events, 'share:changed').length;
    await core.shareSync();
    await core.shareSync();
    expect(named(events, 'share:changed')).toHaveLength(told);
    await core.shareStop();
    expect((named(events, 'share:changed').at(-1) as ShareStatus).on).toBe(false);
  });
});

describe('eventsOfShared', () => {
  const courses = [course('a'), course('b')];
  it('groups marks per course and leaves out emails of courses not followed here', () => {
    const events = eventsOfShared(
      [
        { kind: 'email', emailId: `${course('a').archiveSourceId}.e1`, field: 's' },
        { kind: 'email', emailId: `${course('b').archiveSourceId}.e4`, field: 'd' },
        { kind: 'email', emailId: `${course('a').archiveSourceId}.e2`, field: 's' },
        { kind: 'email', emailId: 'elsewhere-x.e1', field: 'd' },
      ],
      courses,
    );
    expect(events).toEqual([
      {
        event: 'progress:changed',
        payload: {
          courseId: 'a',
          emailIds: [`${course('a').archiveSourceId}.e1`, `${course('a').archiveSourceId}.e2`],
          fields: ['starred'],
        },
      },
      {
        event: 'progress:changed',
        payload: {
          courseId: 'b',
          emailIds: [`${course('b').archiveSourceId}.e4`],
          fields: ['done'],
        },
      },
    ]);
  });

  it('names the settings, and the course when only its reminders changed', () => {
    expect(eventsOfShared([{ kind: 'reminders-off', courseId: 'a' }], courses)).toEqual([
      { event: 'settings:changed', payload: { fields: ['reminders'], courseId: 'a' } },
    ]);
    expect(
      eventsOfShared(
        [
          { kind: 'setting', name: 'theme' },
          { kind: 'reminders' },
          { kind: 'course', courseId: 'gone' },
        ],
        courses,
      ),
    ).toEqual([
      { event: 'library:changed', payload: { courseIds: ['gone'], sourceIds: [] } },
      { event: 'settings:changed', payload: { fields: ['theme', 'reminders'] } },
    ]);
  });
});
