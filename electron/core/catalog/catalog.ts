import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import bundledCatalog from '../../../resources/catalog.json';
import { StudylineError } from '../errors';
import type { Catalog, CatalogCourse, CatalogGroup, CatalogSequence } from '../../shared/types';

const httpUrl = z.string().regex(/^https?:\/\//i);
const groupSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  liveUrl: httpUrl,
  feedUrl: httpUrl.optional(),
  fallbackGroupId: z.string().optional(),
});
const catalogSchema = z.object({
  schemaVersion: z.literal(1),
  courses: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string().min(1),
      description: z.string(),
      homepage: httpUrl,
      sequences: z.array(
        z.object({
          id: z.string().min(1),
          title: z.string().min(1),
          feedUrl: httpUrl,
          archiveUrl: httpUrl,
          startedOn: z.string().optional(),
        }),
      ),
      groups: z.array(groupSchema),
    }),
  ),
});

/** The catalog shipped with the app (bundled, so it is there in dev and when packaged). */
export async function loadCatalog(path?: string): Promise<Catalog> {
  if (!path) return catalogSchema.parse(bundledCatalog);
  const text = await readFile(path, 'utf8');
  const parsed = catalogSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new StudylineError('corrupt', `The course catalog at ${path} is not valid.`);
  }
  return parsed.data;
}

export interface SequenceMatch {
  course: CatalogCourse;
  sequence: CatalogSequence;
}

export function findSequence(catalog: Catalog, sequenceId: string): SequenceMatch | undefined {
  for (const course of catalog.courses) {
    const sequence = course.sequences.find((s) => s.id === sequenceId);
    if (sequence) return { course, sequence };
  }
  return undefined;
}

/** The catalog course whose archive feed is this URL, if any (a pasted URL of a known course). */
export function findSequenceByUrl(catalog: Catalog, url: string): SequenceMatch | undefined {
  const wanted = normaliseUrl(url);
  for (const course of catalog.courses) {
    const sequence = course.sequences.find(
      (s) => normaliseUrl(s.feedUrl) === wanted || normaliseUrl(s.archiveUrl) === wanted,
    );
    if (sequence) return { course, sequence };
  }
  return undefined;
}

export function catalogGroups(match: SequenceMatch): CatalogGroup[] {
  return match.course.groups.map((group) => ({ ...group }));
}

function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^http:/, 'https:')
    .replace(/\/+$/, '');
}
