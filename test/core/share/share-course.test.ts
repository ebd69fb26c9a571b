import { describe, expect, it } from 'vitest';
import type { Course } from '../../../electron/shared/types';
import { Computer, course, settle, T0 } from './computers';

/** A course as followed from the catalog: one of its groups closed long ago. */
function withClosedGroup(id: string): Course {
  return {
    ...course(id),
    groups: [
      {
        id: 'openstudy-6189',
        name: 'MIT 6.189 (OCW)',
        liveUrl: 'https://openstudy.example/6189',
        closed: true,
        closedNote: 'OpenStudy has closed: its address no longer leads to the group.',
      },
      { id: 'forum', name: 'Python help forum', liveUrl: 'https://forum.example/help' },
    ],
  };
}

describe('a followed course shared with another computer', () => {
  it('arrives whole (a closed group stays closed) and is never logged again by the other computer', async () => {
    const time = { now: T0 };
    const laptop = await Computer.make('laptop', time);
    const desktop = await Computer.make('desktop', time);
    await laptop.share.start(laptop.folder);
    await desktop.share.start(desktop.folder);
    await laptop.progress.update((draft) => {
      draft.courses.push(withClosedGroup('seq21oct13'));
    });
    await settle([laptop, desktop]);
    const expected = withClosedGroup('seq21oct13');
    expect(desktop.progress.data.courses).toEqual([expected]);
    // A change the desktop makes later compares everything again: the course is no change of its.
    time.now += 60_000;
    await desktop.progress.update((draft) => {
      draft.settings.theme = 'dark';
    });
    await settle([laptop, desktop]);
    expect(laptop.progress.data.courses).toEqual([expected]);
    expect(laptop.progress.data.settings.theme).toBe('dark');
  });
});
