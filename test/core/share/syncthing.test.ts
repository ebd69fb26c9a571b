import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { toolPath } from '../../helpers/needs-tool';
import { startSyncthingPair } from '../../helpers/syncthing';
import { groupFeed, writeLoopbackCatalog } from '../../helpers/test-catalog';
import { makePosts } from '../../helpers/wordpress-feed';
import { serveArchive } from '../../helpers/wordpress-server';

/**
 * The real engine: two Syncthing instances on loopback keep one folder in
 * step between two data folders, each opened by a real Studyline core, as on
 * a learner's laptop and desktop. Changes made on both at the same time must
 * meet on both within 60 s.
 */

const SYNCTHING = toolPath('syncthing');
const COURSE = 'seq21oct13';
const CONVERGE_MS = 60_000;

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + CONVERGE_MS;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(`Not within ${CONVERGE_MS / 1000} s: ${what}\n${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

/** What the learner sees of the course on one computer. */
async function seen(core: StudylineCore) {
  const emails = await core.emails(COURSE).catch(() => []);
  const details = await Promise.all(emails.map((e) => core.email(e.id)));
  const plan = await core.progress(COURSE).then(
    (view) => view.plan,
    () => undefined,
  );
  return {
    emails: details.map((e) => ({ order: e.order, done: e.done, note: e.note ?? null })),
    plan,
  };
}

describe.skipIf(!SYNCTHING)('progress kept in step by a real Syncthing', () => {
  let root: string;
  let server: FeedServer;
  let syncthing: Awaited<ReturnType<typeof startSyncthingPair>>;
  const cores: StudylineCore[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'studyline-syncthing-'));
    server = await startFeedServer();
    serveArchive(server, { posts: makePosts(6) });
    server.route(
      '/forum/latest.rss',
      serveBody(groupFeed(server.origin, new Date()), {
        headers: { 'content-type': 'application/rss+xml' },
      }),
    );
    syncthing = await startSyncthingPair(SYNCTHING!, root, ['laptop', 'desktop']);
  }, 60_000);

  afterAll(async () => {
    for (const core of cores) await core.close();
    await syncthing?.stop();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('meets on both computers: done, undone, notes, a plan change and a pause', async () => {
    const catalogPath = await writeLoopbackCatalog(root, server.origin);
    const open = (name: string) =>
      openStudyline({
        dataDir: path.join(root, `data-${name}`),
        owner: 'app',
        catalogPath,
        sharePollMs: 250,
        computerName: name,
      });
    const laptop = await open('laptop');
    const desktop = await open('desktop');
    cores.push(laptop, desktop);
    const [laptopFolder, desktopFolder] = syncthing.peers.map((p) => p.folder);

    await laptop.follow({ sequenceId: COURSE });
    await laptop.sync({});
    await laptop.shareStart(laptopFolder!);
    await desktop.shareStart(desktopFolder!);
    // The course reaches the desktop through Syncthing; its emails it syncs itself.
    await waitFor(
      'the course on the desktop',
      () => desktop.courses(),
      (c) => c.length === 1,
    );
    await desktop.sync({});
    const ids = (await laptop.emails(COURSE)).map((e) => e.id);
    expect(ids).toHaveLength(6);

    // At the same time on both computers.
    await Promise.all([
      (async () => {
        await laptop.setDone(ids[0]!, true);
        await laptop.setDone(ids[1]!, true);
        await laptop.setNote(ids[2]!, 'Ask the group about while loops');
        await laptop.pause(COURSE);
      })(),
      (async () => {
        await desktop.setDone(ids[3]!, true);
        await desktop.setNote(ids[4]!, 'Reread the part on slicing');
        await desktop.setDone(ids[1]!, false);
      })(),
    ]);
    const first = await waitFor(
      'both computers agreeing',
      async () => [await seen(laptop), await seen(desktop)] as const,
      ([a, b]) =>
        JSON.stringify(a) === JSON.stringify(b) &&
        a.emails[0]!.done &&
        a.emails[3]!.done &&
        a.emails[2]!.note !== null &&
        a.emails[4]!.note !== null &&
        (a.plan?.pauses.length ?? 0) === 1,
    );
    expect(first[0].emails.map((e) => e.note)).toEqual([
      null,
      null,
      'Ask the group about while loops',
      null,
      'Reread the part on slicing',
      null,
    ]);

    // Then each undoes or changes what the other did.
    const plan = (await desktop.progress(COURSE)).plan;
    await Promise.all([
      desktop.setDone(ids[0]!, false),
      desktop.setPlan(COURSE, { ...plan, pace: { kind: 'per-week', perWeek: 3 } }),
      laptop.setNote(ids[4]!, ''),
      laptop.setDone(ids[5]!, true),
    ]);
    const [a, b] = await waitFor(
      'the second round agreeing',
      async () => [await seen(laptop), await seen(desktop)] as const,
      ([x, y]) =>
        JSON.stringify(x) === JSON.stringify(y) &&
        !x.emails[0]!.done &&
        x.emails[5]!.done &&
        x.emails[4]!.note === null &&
        x.plan?.pace.kind === 'per-week',
    );
    expect(b).toEqual(a);
    expect(a.emails.map((e) => e.done)).toEqual([
      false,
      a.emails[1]!.done,
      false,
      true,
      false,
      true,
    ]);
    expect(a.plan).toMatchObject({ pace: { kind: 'per-week', perWeek: 3 }, pauses: [{}] });
    const status = laptop.shareStatus();
    expect(status.others.map((o) => o.name)).toEqual(['desktop']);
    expect(status.problem).toBeUndefined();
  }, 180_000);
});
