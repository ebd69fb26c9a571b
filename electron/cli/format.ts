import type {
  Catalog,
  CourseView,
  EmailSummary,
  GroupView,
  LibraryStatus,
  Notice,
  SourceView,
  SyncProgress,
  SyncReport,
} from '../shared/types';

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '—');
const when = (iso?: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : 'never');

export function catalog(value: Catalog): string {
  return value.courses
    .map((course) =>
      [
        `${course.title} (${course.id})`,
        `  ${course.description}`,
        '  Sequences (follow one with `studyline follow <id>`):',
        ...course.sequences.map((s) => `    ${s.id.padEnd(12)} ${s.title}`),
        '  Study groups:',
        ...course.groups.map((g) => `    ${g.name}${g.feedUrl ? '' : ' (live link only)'}`),
      ].join('\n'),
    )
    .join('\n\n');
}

export function courses(list: CourseView[]): string {
  if (list.length === 0) return 'You are not following any course yet. See `studyline catalog`.';
  return list
    .map((c) => {
      const head = `${c.id.padEnd(16)} ${c.title}\n${''.padEnd(16)} ${c.emailCount} emails, last sync ${when(c.lastSyncAt)}`;
      return c.archiveGap ? `${head}\n${''.padEnd(16)} ${gapText(c)}` : head;
    })
    .join('\n');
}

/** The sentence every front end uses for an incomplete archive. */
export function gapText(course: Pick<CourseView, 'archiveGap'>): string {
  const missing = course.archiveGap?.missingEstimate ?? 0;
  return `The earliest ${missing} email${missing === 1 ? '' : 's'} may be missing: numbering and plan are provisional. Run \`studyline sync\` to retry.`;
}

export function emails(list: EmailSummary[], course?: CourseView): string {
  if (list.length === 0) {
    if (course?.lastSyncAt) {
      return `The last sync (${when(course.lastSyncAt)}) found no emails at ${course.archiveUrl}. Check the address with \`studyline sources\`.`;
    }
    return 'No emails yet: run `studyline sync` to fetch them.';
  }
  const gap = course?.archiveGap ? [gapText(course), ''] : [];
  return [
    ...gap,
    ...list.map(
      (e) =>
        `${String(e.order).padStart(3)}. ${day(e.sentAt).padEnd(10)}  ${e.done ? '✓' : e.opened ? '·' : ' '} ${e.title}  [${e.id}]`,
    ),
  ].join('\n');
}

export function groups(list: GroupView[]): string {
  if (list.length === 0)
    return 'This course has no study groups yet. Add one with `studyline add-group`.';
  return list.map(groupText).join('\n');
}

function groupText(g: GroupView): string {
  const mark = g.recommended ? ' — ask here first' : '';
  // A closed group is history: its address is not offered as a place to ask.
  const where = g.activity === 'closed' ? [] : [`  Ask for help: ${g.liveUrl}`];
  const posts = g.latestPosts.map(
    (p) => `    · ${p.title} (${when(p.publishedAt)}${p.author ? `, ${p.author}` : ''})`,
  );
  const hint =
    g.suggestFallback && g.fallback
      ? [
          `  ${g.activity === 'closed' ? 'Ask instead' : 'Quiet lately: try'} ${g.fallback.name} (${g.fallback.liveUrl})`,
        ]
      : [];
  return [`${g.name} [${g.id}] — ${activityText(g)}${mark}`, ...where, ...hint, ...posts].join(
    '\n',
  );
}

function activityText(g: GroupView): string {
  switch (g.activity) {
    case 'active':
      return `active (${g.postsLast7Days} posts this week)`;
    case 'quiet':
      return `quiet (last post ${when(g.lastPostAt)})`;
    case 'no-feed':
      return 'live link only';
    case 'not-synced':
      return 'not synced yet';
    case 'error':
      return `could not be read: ${g.error ?? 'unknown error'}`;
    case 'closed':
      return `closed: ${g.closedNote ?? 'this group no longer exists'}`;
  }
}

export function sources(list: SourceView[], notices: Notice[] = []): string {
  const rows = list.map((s) => {
    const state =
      s.status === 'error'
        ? `ERROR: ${s.error}`
        : s.status === 'never'
          ? 'not synced yet'
          : s.warning
            ? `ok, but: ${s.warning}`
            : 'ok';
    return `${s.kind.padEnd(8)} ${String(s.itemCount).padStart(5)} items  ${when(s.lastSyncAt)}  ${s.title ?? s.url}\n${''.padEnd(9)}${s.url}\n${''.padEnd(9)}${state}`;
  });
  return [
    ...noticeLines(notices),
    ...(rows.length ? rows : ['No feeds yet: follow a course first.']),
  ].join('\n');
}

function noticeLines(notices: Notice[]): string[] {
  return notices.map((n) => `NOTICE: ${n.message}`);
}

export function status(value: LibraryStatus): string {
  return [
    `Data folder: ${value.dataDir}`,
    `Last sync: ${when(value.lastSyncAt)}`,
    '',
    courses(value.courses),
    '',
    sources(value.sources, value.notices),
  ].join('\n');
}

/**
 * A line of sync progress for stderr, naming the feed as the learner knows
 * it. Failures are left to the report at the end, so each is said once.
 */
export function progressLine(p: SyncProgress): string | undefined {
  const name = p.title?.trim() || p.url;
  if (p.phase === 'page')
    return `${name}: page ${p.page}, ${p.totalItems} items (${p.newItems} new)`;
  return undefined;
}

export function syncReport(report: SyncReport): string {
  const lines = report.results.map((r) => {
    if (r.status === 'error') return `✗ ${r.url}\n  ${r.error}`;
    if (r.status === 'not-modified') return `✓ ${r.url}: unchanged (${r.itemCount} items)`;
    if (r.status === 'skipped' || r.status === 'cancelled')
      return `- ${r.url}: ${r.error ?? r.status}`;
    const counts = `${r.newItems} new, ${r.updatedItems} updated, ${r.itemCount} items`;
    if (r.warning) return `! ${r.url}: ${counts}\n  ${r.warning}`;
    return `✓ ${r.url}: ${r.newItems} new, ${r.updatedItems} updated, ${r.itemCount} items (${r.pages} page${r.pages === 1 ? '' : 's'})`;
  });
  if (report.offline) lines.push('You seem to be offline: your saved library is unchanged.');
  if (report.results.length === 0)
    lines.push('Nothing to sync: follow a course first (`studyline catalog`).');
  return lines.join('\n');
}
