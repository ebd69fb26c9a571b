import { LibraryStore } from '../../electron/core/library/library-store';
import {
  LIBRARY_SCHEMA_VERSION,
  type ProgressFile,
  type SourceFile,
  type StoredItem,
} from '../../electron/core/library/model';
import { emptyProgress } from '../../electron/core/library/progress-state';
import type { Course } from '../../electron/shared/types';
import { realisticEmailBody } from './realistic-email';

export const COURSES = 10;
export const EMAILS_PER_COURSE = 1_000;
export const GROUP_POSTS = 2_000;
export const NOTES = 500;

// prettier-ignore
export const TOPICS = [
  'turtle spiral', 'dictionaries', 'list comprehension', 'recursion', 'string slicing',
  'while loops', 'functions', 'classes and objects', 'file input', 'exceptions', 'tuples',
  'sorting', 'modules', 'debugging', 'variables', 'conditionals', 'for loops', 'lambda',
  'generators', 'unit testing', 'regular expressions', 'café été naïve',
];

function item(id: string, title: string, html: string, day: number): StoredItem {
  const date = new Date(Date.UTC(2013, 9, 21) + day * 86_400_000).toISOString();
  return {
    id,
    key: id,
    title,
    html,
    sentAt: date,
    publishedAt: date,
    categories: ['python'],
    images: [],
    contentHash: `v1-${id}`,
    firstSeenAt: date,
    updatedAt: date,
  };
}

function emailItem(course: number, n: number): StoredItem {
  const topic = TOPICS[(course * 7 + n) % TOPICS.length]!;
  const body = realisticEmailBody(n, `Seq${course}: Sent ${n % 28} October 2013.`);
  const extra = `<p>Today: ${topic}. Lesson ${course}-${n} builds on ${TOPICS[n % TOPICS.length]}.</p>`;
  return item(
    `bench-${course}.${n.toString(16).padStart(10, '0')}`,
    `Week ${Math.ceil(n / 3)}: ${topic}`,
    body + extra,
    n,
  );
}

function postItem(n: number): StoredItem {
  const topic = TOPICS[n % TOPICS.length]!;
  const html = `<p>I am stuck on ${TOPICS[(n * 5) % TOPICS.length]}: my code prints an IndentationError on line ${n % 40}. Has anyone seen this with ${topic}?</p>`;
  return item(
    `bench-forum.${n.toString(16).padStart(10, '0')}`,
    `Help with ${topic} (${n})`,
    html,
    n % 400,
  );
}

function courses(): Course[] {
  return Array.from({ length: COURSES }, (_, c) => ({
    id: `course-${c}`,
    title: `Course ${c}`,
    archiveUrl: `https://example.org/${c}/feed/`,
    archiveSourceId: `bench-${c}`,
    followedAt: '2026-11-01T00:00:00.000Z',
    groups: [
      {
        id: 'forum',
        name: 'Forum',
        liveUrl: 'https://forum.example/',
        feedUrl: 'https://forum.example/latest.rss',
        sourceId: 'bench-forum',
      },
    ],
  }));
}

/** 10 courses of 1,000 realistic emails, one forum of 2,000 posts, 500 notes. */
export async function writeSearchLibrary(dataDir: string): Promise<ProgressFile> {
  const library = await LibraryStore.open(dataDir);
  for (let c = 0; c < COURSES; c++) {
    const items = Array.from({ length: EMAILS_PER_COURSE }, (_, n) => emailItem(c, n + 1));
    const source = {
      id: `bench-${c}`,
      url: `https://example.org/${c}/feed/`,
      kind: 'archive' as const,
    };
    await library.save({
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      source,
      items,
    } satisfies SourceFile);
  }
  const posts = Array.from({ length: GROUP_POSTS }, (_, n) => postItem(n));
  const forum = {
    id: 'bench-forum',
    url: 'https://forum.example/latest.rss',
    kind: 'group' as const,
  };
  await library.save({ schemaVersion: LIBRARY_SCHEMA_VERSION, source: forum, items: posts });
  await library.close();
  const progress = emptyProgress();
  progress.courses = courses();
  for (let i = 0; i < NOTES; i++) {
    const id = `bench-${i % COURSES}.${(i * 2 + 1).toString(16).padStart(10, '0')}`;
    progress.emails[id] = {
      note: `Remember ${TOPICS[i % TOPICS.length]}: keys and values, ask the group about ${TOPICS[(i * 3) % TOPICS.length]}.`,
    };
  }
  return progress;
}

/** 200 queries as learners type them: words, prefixes, one-typo words, phrases, several words. */
export function benchQueries(): string[] {
  // prettier-ignore
  const words = ['turtle', 'spiral', 'dictionaries', 'recursion', 'comprehension', 'slicing', 'generators', 'indentationerror', 'exceptions', 'debugging', 'cafe', 'naive', 'pythonistas', 'assignments', 'codecademy', 'lambda', 'sorting', 'modules', 'conditionals', 'expressions'];
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const word = words[i % words.length]!;
    switch (i % 5) {
      case 0:
        queries.push(word);
        break;
      case 1:
        queries.push(word.slice(0, Math.max(3, word.length - 3)));
        break;
      case 2:
        queries.push(word.length >= 5 ? word.slice(0, 2) + word.slice(3) : word);
        break;
      case 3:
        queries.push(i % 10 === 3 ? '"stuck on the same line"' : `"${TOPICS[i % TOPICS.length]}"`);
        break;
      default:
        queries.push(`${word} ${words[(i * 7) % words.length]!.slice(0, 4)}`);
    }
  }
  return queries;
}
