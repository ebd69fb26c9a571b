import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../../../electron/shared/types';
import type { FeedServer } from '../../helpers/feed-server';
import { serveBody } from '../../helpers/feed-server';
import { escapeXml, paginate, rssPage } from '../../helpers/wordpress-feed';
import { spiralPng } from '../png';
import { serveComments } from '../../helpers/wordpress-server';
import { demoPosts, TURTLE_IMAGE_PATH } from './demo-emails';

export const ARCHIVE_PATH = '/category/seq21oct13/feed/';

interface DemoPost {
  title: string;
  author: string;
  hoursAgo: number;
}

const GROUPS: Record<string, { title: string; posts: DemoPost[] }> = {
  '/groups/6189/latest.rss': {
    title: 'MIT 6.189 study group',
    posts: [
      {
        title: 'Anyone else stuck on the turtle spiral exercise?',
        author: 'maria_k',
        hoursAgo: 20 * 24,
      },
      {
        title: 'Exercise 2.4: my Celsius to Fahrenheit answer is off by one degree',
        author: 'tomasz',
        hoursAgo: 26 * 24,
      },
    ],
  },
  '/r/learnpython/.rss': {
    title: 'r/learnpython',
    posts: [
      { title: 'Why does my for loop only run once?', author: 'u/quietbadger', hoursAgo: 0.4 },
      {
        title: 'Finished my first project: a tic-tac-toe game in the terminal!',
        author: 'u/ada_codes',
        hoursAgo: 2,
      },
      { title: 'Confused by list.append returning None', author: 'u/pyfern', hoursAgo: 5 },
    ],
  },
  '/c/help/7.rss': {
    title: 'Python Discourse: Help',
    posts: [
      { title: 'Understanding mutable default arguments', author: 'steven.d', hoursAgo: 3 },
      { title: 'RecursionError in a factorial function', author: 'kwame', hoursAgo: 28 },
    ],
  },
};

function groupRss(origin: string, path: string, now: Date): string {
  const group = GROUPS[path]!;
  const items = group.posts
    .map((post, i) => {
      const date = new Date(now.getTime() - post.hoursAgo * 3_600_000).toUTCString();
      return `<item><title>${escapeXml(post.title)}</title><link>${origin}${path.replace(/\.rss$|\/\.rss$/, '')}/t/${i + 1}</link><dc:creator>${escapeXml(post.author)}</dc:creator><pubDate>${date}</pubDate><guid isPermaLink="false">${path}#${i}</guid></item>`;
    })
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(group.title)}</title><link>${origin}</link>${items}</channel></rss>`;
}

export interface DemoFeeds {
  catalogPath: string;
  /** A study group feed answers 500 (for the sync-errors picture). */
  breakGroup(failing: boolean): void;
}

/** The demo course's archive, its picture and three study group feeds on the loopback server. */
export async function serveDemo(
  server: FeedServer,
  dir: string,
  options: { pageTwoDelayMs?: number } = {},
): Promise<DemoFeeds> {
  const origin = server.origin;
  const now = new Date();
  const posts = demoPosts(origin);
  const pages = paginate([...posts].reverse()).map((page) => rssPage(page, origin));
  for (const post of posts) if (post.responses?.length) serveComments(server, post);
  server.route(ARCHIVE_PATH, (req, res) => {
    const page = Number(new URL(req.url ?? '/', origin).searchParams.get('paged') ?? '1');
    const body = pages[page - 1];
    if (!body) return serveBody('Not found', { status: 404 })(req, res);
    const send = serveBody(body, {
      headers: { 'content-type': 'application/rss+xml; charset=UTF-8' },
    });
    if (page === 2 && options.pageTwoDelayMs)
      setTimeout(() => send(req, res), options.pageTwoDelayMs);
    else send(req, res);
  });
  server.route(
    TURTLE_IMAGE_PATH,
    serveBody(spiralPng(), { headers: { 'content-type': 'image/png' } }),
  );
  let failing = false;
  for (const path of Object.keys(GROUPS)) {
    server.route(path, (req, res) => {
      if (failing && path === '/c/help/7.rss') {
        return serveBody('<h1>502 Bad Gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        })(req, res);
      }
      serveBody(groupRss(origin, path, now), {
        headers: { 'content-type': 'application/rss+xml' },
      })(req, res);
    });
  }
  const catalogPath = join(dir, 'demo-catalog.json');
  await writeFile(catalogPath, JSON.stringify(demoCatalog(origin)));
  return { catalogPath, breakGroup: (value) => void (failing = value) };
}

function demoCatalog(origin: string): Catalog {
  const sequence = (id: string, title: string, startedOn: string) => ({
    id,
    title,
    feedUrl: `${origin}/category/${id}/feed/`,
    archiveUrl: `${origin}/category/${id}/`,
    startedOn,
  });
  return {
    schemaVersion: 1,
    courses: [
      {
        id: 'gentle-python',
        title: 'A Gentle Introduction to Python',
        description:
          "The Mechanical MOOC's eight-week Python course: one email every few days, built on MIT OpenCourseWare's 6.189 and Codecademy exercises, with study groups where learners help each other.",
        homepage: `${origin}/`,
        sequences: [
          sequence('seq26nov12', 'Sequence of 26 November 2012', '2012-11-26'),
          sequence('seq7jan13', 'Sequence of 7 January 2013', '2013-01-07'),
          sequence('seq21oct13', 'Sequence of 21 October 2013', '2013-10-21'),
        ],
        groups: [
          {
            id: 'mit-6189',
            name: 'MIT 6.189 study group',
            description: "The course's own study group.",
            liveUrl: 'https://openstudy.example/groups/6189',
            feedUrl: `${origin}/groups/6189/latest.rss`,
            fallbackGroupId: 'learnpython',
            // OpenStudy's groups are closed in the built-in catalog: history, never the place to ask.
            closed: true,
            closedNote: 'OpenStudy has closed: its address no longer leads to the group.',
          },
          {
            id: 'learnpython',
            name: 'r/learnpython',
            description: "Reddit's community for people learning Python.",
            liveUrl: 'https://www.reddit.com/r/learnpython/',
            feedUrl: `${origin}/r/learnpython/.rss`,
          },
          {
            id: 'discourse-help',
            name: 'Python Discourse: Help',
            description: 'The Help category of the Python forum.',
            liveUrl: 'https://discuss.python.org/c/help/7',
            feedUrl: `${origin}/c/help/7.rss`,
          },
          {
            id: 'openstudy-6189',
            name: 'OpenStudy: MIT 6.189',
            description: 'The original OpenStudy group (no feed: opens in your browser).',
            liveUrl: 'https://openstudy.com/study#/groups/6189',
            closed: true,
            closedNote: 'OpenStudy has closed: its address no longer leads to the group.',
          },
        ],
      },
    ],
  };
}
