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
let core: StudylineCore;

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), 'studyline-courses-'));
  serveArchive(server, { posts: makePosts(6) });
  core = await openStudyline({
    dataDir: join(dir, 'data'),
    owner: 'cli',
    catalogPath: await writeLoopbackCatalog(dir, server.origin),
    zone: 'UTC',
  });
});
afterEach(async () => {
  await core.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const plan = {
  startOn: '2026-11-02',
  pace: { kind: 'per-week' as const, perWeek: 2 },
  studyDays: [1, 4],
  remindAt: '07:15',
};

describe('unfollowing a course', () => {
  it('keeps its progress, plan and own groups, and following again brings them back', async () => {
    const course = await core.follow({ sequenceId: 'seq21oct13' });
    await core.sync({ courseId: course.id });
    await core.setPlan(course.id, plan);
    const emails = await core.emails(course.id);
    await core.setDoneUpTo(emails[2]!.id);
    await core.setNote(emails[1]!.id, 'Ask about range()');
    await core.addGroup(course.id, { name: 'My study buddies', liveUrl: 'https://chat.example/' });

    await core.unfollow(course.id);
    expect(await core.courses()).toEqual([]);
    // The progress stays in the backup file meanwhile.
    const backup = JSON.parse((await core.exportProgress()).text) as {
      emails: Record<string, { doneAt?: string; note?: string }>;
    };
    expect(backup.emails[emails[1]!.id]).toMatchObject({ note: 'Ask about range()' });
    expect(Object.values(backup.emails).filter((e) => e.doneAt)).toHaveLength(3);

    const again = await core.follow({ sequenceId: 'seq21oct13' });
    expect(again.id).toBe(course.id);
    expect(again.emailCount).toBe(6);
    expect(again.groups.map((g) => g.name)).toContain('My study buddies');
    const view = await core.progress(again.id);
    expect(view.plan).toMatchObject({ pace: plan.pace, remindAt: '07:15' });
    expect(view.status.done).toBe(3);
  });

  it('can be undone offline for a course followed by its address', async () => {
    const url = server.url('/category/other/feed/');
    serveArchive(server, { posts: makePosts(3), path: '/category/other/feed/' });
    const course = await core.follow({ url });
    await core.unfollow(course.id);
    // The blog is down now: following it again must not need it.
    server.route('/category/other/feed/', (_req, res) => void res.writeHead(500).end());
    const again = await core.follow({ url });
    expect(again).toMatchObject({ id: course.id, archiveUrl: course.archiveUrl });
  });

  it('refuses a course that is not followed, in a sentence', async () => {
    await expect(core.unfollow('nope')).rejects.toThrow(/not following a course "nope"/);
  });
});
