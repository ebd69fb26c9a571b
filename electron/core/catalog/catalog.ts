import { readFile } from 'node:fs/promises';
import bundledCatalog from '../../../resources/catalog.json';
import { StudylineError } from '../errors';
import type { Catalog, CatalogCourse, CatalogGroup, CatalogSequence } from '../../shared/types';

/**
 * The catalog shipped with the app (bundled, so it is there in dev and when
 * packaged; test/core/catalog checks it against the schema), or a catalog
 * file of one's own, checked here.
 */
export async function loadCatalog(path?: string): Promise<Catalog> {
  if (!path) return bundledCatalog;
  const text = await readFile(path, 'utf8');
  const { catalogSchema } = await import('./catalog-schema');
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
