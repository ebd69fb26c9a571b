import type { Course, SearchHit, SearchRequest, SearchResults } from '../../shared/types';
import { requireCourse } from '../app/courses';
import { sourceIdOfEmail } from '../app/library-views';
import type { SourceFile, StoredItem } from '../library/model';
import { foldText } from './fold';
import { itemSearchText } from './item-text';
import { hasPhrase, parseQuery } from './query';
import { alternativesOf, rankCandidates, type Candidate } from './rank';
import type { ReconcileDeps } from './reconcile';
import type { IndexedDoc, SearchIndex } from './search-index';
import { markAll, snippetOf, wordsMatcher, type Matching } from './snippet';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
/** A phrase is checked against the text of at most this many of the best candidates. */
const MAX_PHRASE_CHECKS = 3_000;

const NOTHING_TO_SEARCH =
  'Type a word or a number to search for: punctuation and symbols alone are not searched.';

interface Text {
  title: string;
  body: string;
  item?: StoredItem;
}

interface FoldedText {
  title: string;
  body: string;
}

/** Searches the index and builds each hit (title, snippet, course, link) from the library. */
export async function findHits(
  index: SearchIndex,
  request: SearchRequest,
  deps: ReconcileDeps,
): Promise<SearchResults> {
  if (request.courseId) requireCourse(deps, request.courseId);
  const query = parseQuery(request.text);
  const result: SearchResults = { query: request.text, hits: [], more: false };
  if (query.terms.length === 0) {
    return request.text.trim() ? { ...result, message: NOTHING_TO_SEARCH } : result;
  }
  const courses = deps.progress.data.courses;
  const wanted = rankCandidates(index, query).filter((c) => keep(c.doc, request, courses));
  const limit = Math.min(Math.max(1, request.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const perKind = request.limitPerKind ?? limit;
  const taken = new Map<string, number>();
  const texts = new TextSource(deps);
  const words = wordsMatcher(query.terms.flatMap((term) => alternativesOf(index, term)));
  let checked = 0;
  for (const [i, candidate] of wanted.entries()) {
    if (result.hits.length >= limit) {
      result.more = true;
      break;
    }
    const count = taken.get(candidate.doc.kind) ?? 0;
    if (count >= perKind) {
      result.more = true;
      continue;
    }
    if (query.phrases.length > 0 && ++checked > MAX_PHRASE_CHECKS) {
      result.more = i < wanted.length;
      break;
    }
    const text = await texts.of(candidate.doc);
    if (!text) continue;
    const folded = { title: foldText(text.title), body: foldText(text.body) };
    if (!query.phrases.every((phrase) => hasPhrase(`${folded.title}\n${folded.body}`, phrase))) {
      continue;
    }
    taken.set(candidate.doc.kind, count + 1);
    const match = { words, phrases: query.phrases };
    result.hits.push(toHit(candidate, { text, folded }, courses, match));
  }
  return result;
}

function keep(doc: IndexedDoc, request: SearchRequest, courses: readonly Course[]): boolean {
  if (request.kinds && !request.kinds.includes(doc.kind)) return false;
  if (!request.courseId) return true;
  const course = courses.find((c) => c.id === request.courseId);
  return course !== undefined && courseHas(course, doc.sourceId);
}

function courseHas(course: Course, sourceId: string): boolean {
  return course.archiveSourceId === sourceId || course.groups.some((g) => g.sourceId === sourceId);
}

function toHit(
  { doc }: Candidate,
  { text, folded }: { text: Text; folded: FoldedText },
  courses: readonly Course[],
  match: Matching,
): SearchHit {
  const course = courses.find((c) => courseHas(c, doc.sourceId));
  const group = course?.groups.find((g) => g.sourceId === doc.sourceId);
  const id = doc.kind === 'note' ? doc.key.slice('note:'.length) : doc.key;
  return {
    kind: doc.kind,
    id,
    courseId: course?.id,
    // A note's title is its email's: the note matched, not the title.
    title:
      doc.kind === 'note'
        ? { text: text.title, marks: [] }
        : markAll(text.title, match, folded.title),
    date: text.item?.sentAt ?? text.item?.publishedAt,
    snippet: snippetOf(text.body, match, folded.body),
    ...(doc.kind === 'group' ? { link: text.item?.link, groupName: group?.name } : {}),
  };
}

/** Items by id, per library file as loaded (a file saved anew is a new object). */
const itemMaps = new WeakMap<SourceFile, Map<string, StoredItem>>();

function itemsById(file: SourceFile): Map<string, StoredItem> {
  let map = itemMaps.get(file);
  if (!map) {
    map = new Map(file.items.map((item) => [item.id, item]));
    itemMaps.set(file, map);
  }
  return map;
}

/** The current text of indexed things, read from the library. */
class TextSource {
  private readonly bySource = new Map<string, Map<string, StoredItem> | undefined>();

  constructor(private readonly deps: ReconcileDeps) {}

  async of(doc: IndexedDoc): Promise<Text | undefined> {
    if (doc.kind === 'note') {
      const emailId = doc.key.slice('note:'.length);
      const note = this.deps.progress.data.emails[emailId]?.note;
      const email = await this.item(sourceIdOfEmail(emailId), emailId);
      return note && email ? { title: email.title, body: note, item: email } : undefined;
    }
    const item = await this.item(doc.sourceId, doc.key);
    return item ? { ...itemSearchText(item), item } : undefined;
  }

  private async item(sourceId: string, id: string): Promise<StoredItem | undefined> {
    if (!this.bySource.has(sourceId)) {
      const file = await this.deps.library.get(sourceId).catch(() => undefined);
      this.bySource.set(sourceId, file && itemsById(file));
    }
    return this.bySource.get(sourceId)?.get(id);
  }
}
