import type { MarkedText, SearchHit, SearchKind, SearchResults } from '../shared/types';
import { usage, type ParsedCommand } from './args';
import type { Command } from './commands';

const KINDS: Record<string, SearchKind> = {
  email: 'email',
  emails: 'email',
  note: 'note',
  notes: 'note',
  group: 'group',
  groups: 'group',
};

function parseKinds(value: string | boolean | undefined): SearchKind[] | undefined {
  if (value === undefined) return undefined;
  const parts = String(value)
    .split(',')
    .map((part) => part.trim().toLowerCase());
  return parts.map((part) => {
    const kind = KINDS[part];
    if (!kind) throw usage(`--in takes emails, notes or groups (comma-separated), not "${part}".`);
    return kind;
  });
}

function parseLimit(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw usage(`--limit takes a whole number from 1 to 500, not "${value}".`);
  }
  return limit;
}

/** Marked ranges as *word* so they stand out in a terminal (and survive a pipe). */
export function emphasize({ text, marks }: MarkedText): string {
  let out = '';
  let at = 0;
  for (const { start, end } of marks) {
    out += `${text.slice(at, start)}*${text.slice(start, end)}*`;
    at = end;
  }
  return out + text.slice(at);
}

const KIND_LABEL: Record<SearchKind, string> = { email: 'email', note: 'note ', group: 'post ' };

function hitText(hit: SearchHit): string {
  const where = hit.kind === 'group' && hit.groupName ? ` · ${hit.groupName}` : '';
  const head = `${KIND_LABEL[hit.kind]}  ${hit.date?.slice(0, 10) ?? '—'}  ${emphasize(hit.title)}  (${hit.courseId ?? '—'}${where})`;
  const open =
    hit.kind === 'group' ? `open ${hit.link ?? 'its group'}` : `studyline show ${hit.id}`;
  const snippet = hit.snippet.text ? [`       ${emphasize(hit.snippet)}`] : [];
  return [head, ...snippet, `       ${open}`].join('\n');
}

export function searchText(results: SearchResults): string {
  if (results.message) return results.message;
  if (results.hits.length === 0) return `Nothing matches "${results.query}".`;
  const count = `${results.hits.length}${results.more ? '+' : ''}`;
  const head = `${count} ${results.hits.length === 1 ? 'match' : 'matches'} for "${results.query}"${results.more ? ' (use --limit for more)' : ''}:`;
  return [head, '', ...results.hits.map(hitText)].join('\n');
}

export const SEARCH_COMMAND: Command = {
  writes: false,
  flags: ['course', 'in', 'limit'],
  async run(core, cmd: ParsedCommand) {
    const text = cmd.positionals.join(' ');
    if (!text.trim())
      throw usage('"search" needs something to look for, e.g. `studyline search turtle`.');
    const results = await core.search({
      text,
      courseId: cmd.flags.course as string | undefined,
      kinds: parseKinds(cmd.flags.in),
      limit: parseLimit(cmd.flags.limit),
    });
    return { json: results, text: searchText(results), exitCode: 0 };
  },
};
