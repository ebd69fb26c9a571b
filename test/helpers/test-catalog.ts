import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../../electron/shared/types';

/** A catalog like the built-in one, whose feeds live on the test's loopback server. */
export function loopbackCatalog(origin: string): Catalog {
  return {
    schemaVersion: 1,
    courses: [
      {
        id: 'gentle-python',
        title: 'A Gentle Introduction to Python',
        description: 'Test copy of the Mechanical MOOC course.',
        homepage: `${origin}/`,
        sequences: [
          {
            id: 'seq21oct13',
            title: 'Sequence of 21 October 2013',
            feedUrl: `${origin}/category/seq21oct13/feed/`,
            archiveUrl: `${origin}/category/seq21oct13/`,
            startedOn: '2013-10-21',
          },
        ],
        groups: [
          // Closed as in the built-in catalog: history, never the place to ask.
          {
            id: 'openstudy-6189',
            name: 'MIT 6.189 (OCW)',
            liveUrl: 'https://openstudy.example/6189',
            fallbackGroupId: 'openstudy-600',
            closed: true,
            closedNote: 'OpenStudy has closed: its address no longer leads to the group.',
          },
          {
            id: 'openstudy-600',
            name: 'MIT 6.00 (OCW)',
            liveUrl: 'https://openstudy.example/600',
            closed: true,
          },
          {
            id: 'forum',
            name: 'Python help forum',
            liveUrl: 'https://forum.example/help',
            feedUrl: `${origin}/forum/latest.rss`,
          },
        ],
      },
    ],
  };
}

export async function writeLoopbackCatalog(dir: string, origin: string): Promise<string> {
  const path = join(dir, 'catalog.json');
  await writeFile(path, JSON.stringify(loopbackCatalog(origin)));
  return path;
}

/** A small, lively group feed (Discourse-like RSS), posts dated relative to `now`. */
export function groupFeed(origin: string, now: Date, count = 3): string {
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(now.getTime() - (i + 1) * 3_600_000).toUTCString();
    return `<item><title>How do I fix question ${i + 1}?</title><link>${origin}/forum/t/${i + 1}</link><dc:creator>learner${i + 1}</dc:creator><pubDate>${date}</pubDate><guid isPermaLink="false">forum-${i + 1}</guid><description>Help please</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Python help forum</title><link>${origin}/forum</link>${items}</channel></rss>`;
}
