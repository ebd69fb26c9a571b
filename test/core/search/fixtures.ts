import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StudylineCore } from '../../../electron/core/app/core-api';
import { openStudyline } from '../../../electron/core/app/open-studyline';
import { serveBody, startFeedServer, type FeedServer } from '../../helpers/feed-server';
import { writeLoopbackCatalog } from '../../helpers/test-catalog';
import { longDate, makePosts, type ArchivePost } from '../../helpers/wordpress-feed';
import { serveArchive, type ArchiveRoute } from '../../helpers/wordpress-server';

/** Emails a learner would search: what they remember is in the title or somewhere in the text. */
export const EMAILS: Array<{ title: string; body: string }> = [
  {
    title: 'Week 1: Hello, Python',
    body: '<p>Install Python and say hello. Your <a href="https://turtle.example/">study group</a> is waiting.</p>',
  },
  {
    title: 'Week 2: The turtle spiral',
    body: '<p>Draw a <strong>spir</strong>al with the turtle module: <code>turtle.forward(i)</code>.</p>',
  },
  {
    title: 'Week 3: Dictionaries',
    body: '<p>Keys and values. A dictionary maps a word to its meaning, like a real one.</p>',
  },
  {
    title: 'Week 4: Un café, l’été',
    body: '<p>Été naïve: the story of a café in Paris, told with strings and slices.</p>',
  },
  {
    title: 'Week 5: Loops again',
    body: '<p>We come back to loops, and to dictionaries: loop over the keys of a dictionary. Do not get stuck on the same line.</p>',
  },
  {
    title: 'Week 6: Functions',
    body: '<p>Define functions. Some learners write the same line on the stuck loop; that is fine.</p><p class="turtle-secret">Nothing about reptiles here.</p>',
  },
];

export function searchPosts(emails = EMAILS): ArchivePost[] {
  const base = makePosts(emails.length);
  // makePosts lists newest first; email i is post n = i + 1.
  return base.map((post) => {
    const email = emails[post.n - 1]!;
    const sentLine = `Seq21Oct13: Sent ${longDate(post.sentOn)}.`;
    return { ...post, title: email.title, body: `<p>${sentLine}</p>${email.body}` };
  });
}

export function forumFeed(origin: string, posts: Array<{ title: string; text: string }>): string {
  const items = posts
    .map(
      (post, i) =>
        `<item><title>${post.title}</title><link>${origin}/forum/t/${i + 1}</link><pubDate>${new Date(Date.UTC(2026, 10, 20 + i)).toUTCString()}</pubDate><guid isPermaLink="false">forum-${i + 1}</guid><description><![CDATA[<p>${post.text}</p>]]></description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Python help forum</title><link>${origin}/forum</link>${items}</channel></rss>`;
}

export const FORUM_POSTS = [
  { title: 'Spiral does not close', text: 'My turtle spiral never stops. Anyone?' },
  { title: 'KeyError with a dictionary', text: 'I get a KeyError when reading my dictionary.' },
];

export interface SearchWorld {
  dir: string;
  dataDir: string;
  server: FeedServer;
  archive: ArchiveRoute;
  setForum(posts: Array<{ title: string; text: string }>): void;
  open(options?: { readOnly?: boolean; owner?: 'app' | 'cli' }): Promise<StudylineCore>;
  close(): Promise<void>;
}

/** A followed, synced course whose emails and forum posts are the ones above. */
export async function searchWorld(): Promise<{ world: SearchWorld; core: StudylineCore }> {
  const server = await startFeedServer();
  const dir = await mkdtemp(join(tmpdir(), 'studyline-search-'));
  const catalogPath = await writeLoopbackCatalog(dir, server.origin);
  const archive = serveArchive(server, { posts: searchPosts() });
  let forum = forumFeed(server.origin, FORUM_POSTS);
  server.route('/forum/latest.rss', (req, res) =>
    serveBody(forum, { headers: { 'content-type': 'application/rss+xml' } })(req, res),
  );
  const dataDir = join(dir, 'data');
  const world: SearchWorld = {
    dir,
    dataDir,
    server,
    archive,
    setForum: (posts) => {
      forum = forumFeed(server.origin, posts);
    },
    open: (options = {}) =>
      openStudyline({
        dataDir,
        owner: options.owner ?? 'cli',
        readOnly: options.readOnly,
        catalogPath,
        now: () => new Date('2026-11-30T09:00:00Z'),
        zone: 'Europe/London',
      }),
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const core = await world.open();
  await core.follow({ sequenceId: 'seq21oct13' });
  await core.sync({ courseId: 'seq21oct13' });
  return { world, core };
}

export async function titlesFor(core: StudylineCore, text: string): Promise<string[]> {
  const results = await core.search({ text });
  return results.hits.map((hit) => hit.title.text);
}
