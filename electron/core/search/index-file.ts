import path from 'node:path';
import { diskError } from '../errors';
import { asciiJson, nodeFs, syncFolder, writeSynced, type DurableFs } from '../library/durable-fs';
import { sourceIdOfEmail } from '../app/library-views';
import { SearchIndex, type Field, type IndexedDoc } from './search-index';
import { Vocabulary } from './vocabulary';

/**
 * Bump when what is indexed or how changes (text extraction, folding, engine
 * options or version): an index file of another version is rebuilt.
 */
export const SEARCH_INDEX_VERSION = 1;
const MAGIC = 'studyline-search-index';
export const INDEX_FILE = 'search-index.txt';

/** Records as [number, key, version, kind], sources derived from the key: small and quick to read. */
type SavedDoc = [number, string, string, 'e' | 'n' | 'g'];

interface Meta {
  nextNumber: number;
  stale: number;
  docs: SavedDoc[];
  vocabulary: string[];
}

const KIND_CODE = { email: 'e', note: 'n', group: 'g' } as const;
const CODE_KIND = { e: 'email', n: 'note', g: 'group' } as const;

function fromSaved([number, key, version, code]: SavedDoc): [number, IndexedDoc] {
  const item = code === 'n' ? key.slice('note:'.length) : key;
  const sourceId = sourceIdOfEmail(item);
  return [number, { key, kind: CODE_KIND[code], sourceId, version }];
}

export function indexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

/**
 * One text file: a header with the version, the records, then the engine's
 * exported parts one a line (they are JSON, so never hold a newline), and a
 * closing line that proves the file was written to the end.
 */
export function serializeIndex(index: SearchIndex): string {
  const { docs, nextNumber, stale } = index.snapshot();
  const meta: Meta = {
    nextNumber,
    stale,
    docs: docs.map(([number, doc]) => [number, doc.key, doc.version, KIND_CODE[doc.kind]]),
    vocabulary: [...index.vocabulary.all()],
  };
  const lines = [`${MAGIC} ${SEARCH_INDEX_VERSION}`, JSON.stringify(meta)];
  for (const field of ['title', 'body'] as Field[]) {
    index.fields[field].export((key: string | number, data: string) => {
      lines.push(`${field}\t${key}\t${data}`);
    });
  }
  lines.push(`end ${lines.length - 2}`);
  // Every line past the header is JSON (or ASCII keys): escaped, the file reads on the fast path.
  return asciiJson(`${lines.join('\n')}\n`);
}

/** The index in the text, or undefined when it is from another version or damaged in any way. */
export function parseIndex(text: string): SearchIndex | undefined {
  try {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines[0] !== `${MAGIC} ${SEARCH_INDEX_VERSION}`) return undefined;
    if (lines[lines.length - 1] !== `end ${lines.length - 3}`) return undefined;
    const meta = JSON.parse(lines[1] ?? '') as Meta;
    const index = new SearchIndex(new Vocabulary(meta.vocabulary), meta.nextNumber, meta.stale);
    for (const saved of meta.docs) index.restore(...fromSaved(saved));
    for (const line of lines.slice(2, -1)) {
      const [field, key, data] = line.split('\t', 3) as [Field, string, string];
      if ((field !== 'title' && field !== 'body') || key === undefined || data === undefined) {
        return undefined;
      }
      index.fields[field].import(key, data);
    }
    return index;
  } catch {
    return undefined;
  }
}

export async function readIndexFile(
  dataDir: string,
  fs: DurableFs = nodeFs,
): Promise<SearchIndex | undefined> {
  let text: string;
  try {
    text = await fs.readFile(indexPath(dataDir), 'utf8');
  } catch {
    // Missing or unreadable: the library is the real copy, the index is rebuilt from it.
    return undefined;
  }
  return parseIndex(text);
}

/** Written to a temporary file, flushed, then renamed: a crash never leaves half an index. */
export async function writeIndexFile(
  dataDir: string,
  index: SearchIndex,
  fs: DurableFs = nodeFs,
): Promise<void> {
  const file = indexPath(dataDir);
  try {
    await writeSynced(fs, `${file}.tmp`, serializeIndex(index));
    await fs.rename(`${file}.tmp`, file);
    await syncFolder(fs, dataDir);
  } catch (error) {
    throw diskError(error, 'the search index');
  }
}
