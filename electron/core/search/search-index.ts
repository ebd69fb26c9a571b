import FlexSearch from 'flexsearch';
import { foldText, termsOf } from './fold';
import { Vocabulary } from './vocabulary';

export type SearchKind = 'email' | 'note' | 'group';
export type Field = 'title' | 'body';

/** What the index remembers of one searchable thing, to answer without the library. */
export interface IndexedDoc {
  /** Email or group post id; `note:<email id>` for a note. */
  key: string;
  kind: SearchKind;
  /** The library source it comes from (a note: its email's course archive). */
  sourceId: string;
  /** Changes when its text changes (content hash, note hash). */
  version: string;
}

export interface DocText {
  title: string;
  body: string;
}

/** Every hit is looked at (ranking and filters are ours), so no engine limit applies. */
const ALL = 1_000_000;

function engineIndex(encode: (text: string) => string[]) {
  // Nine ranks by where a word appears: a word near the start of an email counts more.
  return new FlexSearch.Index({ encode, resolution: 9 });
}

export type EngineIndex = ReturnType<typeof engineIndex>;

/**
 * The search index: FlexSearch over titles and bodies (folded text), plus
 * what each entry is. Removing from FlexSearch costs a scan of the whole
 * index per entry, so a replaced or removed entry only loses its record here
 * (its old postings are skipped when met) and the index is rebuilt once too
 * many of those have piled up (`needsCompaction`).
 */
export class SearchIndex {
  readonly fields: Record<Field, EngineIndex>;
  private readonly docs = new Map<number, IndexedDoc>();
  private readonly numbers = new Map<string, number>();
  private collecting = false;

  constructor(
    readonly vocabulary = new Vocabulary(),
    private nextNumber = 1,
    private stale = 0,
  ) {
    const encode = (text: string) => {
      const terms = termsOf(text);
      if (this.collecting) for (const term of terms) this.vocabulary.add(term);
      return terms;
    };
    this.fields = { title: engineIndex(encode), body: engineIndex(encode) };
  }

  get size(): number {
    return this.docs.size;
  }

  /** Postings left behind by replaced or removed entries. */
  get staleCount(): number {
    return this.stale;
  }

  get needsCompaction(): boolean {
    return this.stale > Math.max(2_000, this.docs.size / 3);
  }

  versionOf(key: string): string | undefined {
    const number = this.numbers.get(key);
    return number === undefined ? undefined : this.docs.get(number)?.version;
  }

  keys(): IterableIterator<string> {
    return this.numbers.keys();
  }

  doc(number: number): IndexedDoc | undefined {
    return this.docs.get(number);
  }

  /** Adds or replaces one entry. */
  put(doc: IndexedDoc, text: DocText): void {
    this.remove(doc.key);
    const number = this.nextNumber++;
    this.collecting = true;
    try {
      this.fields.title.add(number, foldText(text.title));
      this.fields.body.add(number, foldText(text.body));
    } finally {
      this.collecting = false;
    }
    this.docs.set(number, doc);
    this.numbers.set(doc.key, number);
  }

  remove(key: string): void {
    const number = this.numbers.get(key);
    if (number === undefined) return;
    this.docs.delete(number);
    this.numbers.delete(key);
    this.stale += 1;
  }

  /** Entry numbers are below this. */
  get numberLimit(): number {
    return this.nextNumber;
  }

  /** Entries holding `term` in `field`, best first; replaced and removed ones included (see doc()). */
  lookup(field: Field, term: string): readonly number[] {
    return this.fields[field].search(term, { limit: ALL }) as number[];
  }

  /** For saving: every record with its number, and the counters. */
  snapshot() {
    return { docs: [...this.docs], nextNumber: this.nextNumber, stale: this.stale };
  }

  /** Restores a saved record (the engine's own parts are imported separately). */
  restore(number: number, doc: IndexedDoc): void {
    this.docs.set(number, doc);
    this.numbers.set(doc.key, number);
  }
}
