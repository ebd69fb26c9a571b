import { createPageProcessor } from '../../electron/core/sync/page-processor';
import { benchCliStart, ensureCliBuilt } from './cli-bench';
import { benchDataflow } from './dataflow-bench';
import { benchHugeFeed } from './huge-feed-bench';
import { benchLibraryOpen } from './library-bench';
import { benchPace } from './pace-bench';
import { benchRenderer } from './renderer-bench';
import { benchSearch } from './search-bench';
import { benchShare } from './share-bench';
import { benchSync } from './sync-bench';
import { benchSyncWan } from './sync-wan-bench';

/**
 * `npm run bench` prints min/median/max per benchmark and the ratios with
 * their targets; `npm run -s bench -- --json` prints one JSON object.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Math.max(5, Number(args[runsIndex + 1]) || 5) : 5;

const TARGETS: Record<string, number> = {
  sync_full_ratio: 0.8,
  sync_wan_ratio: 1.3,
  first_email_round_trips: 2,
  cli_start_ratio: 1.5,
  resync_ratio: 0.02,
  library_open_ratio: 1.5,
  open_ratio: 1.5,
  mark_done_ratio: 1.5,
  // The window's reads after a change (counts, not times): the changed email's standing,
  // one refresh of what is on screen (status, emails, progress, groups) after a sync, and
  // one plan preview when the form appears plus one per change of it during a first sync.
  // The daily loop (issue 9): the list on screen, an email opened, a scroll without jank.
  renderer_first_list_median: 300,
  renderer_open_email_p95: 50,
  renderer_long_tasks_scroll: 0,
  renderer_reads_per_done: 1,
  renderer_reads_per_sync: 4,
  renderer_library_refreshes_per_sync: 1,
  previews_during_first_sync: 2,
  search_p95_ms: 10,
  share_merge_ms: 100,
  share_open_ratio: 1.5,
  // Peak memory (MB) of a first sync of one 100,000-item feed: the item limit keeps it bounded.
  sync_huge_peak_mb: 500,
};

const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};

const results: Record<string, unknown> = { runs, node: process.version };
log(`Studyline benchmarks (${runs} runs each, loopback only)`);
// The page worker as the app and the CLI run it: built JavaScript, no TypeScript loader.
const processor = createPageProcessor({ workerEntry: ensureCliBuilt() });
log('sync…');
Object.assign(results, await benchSync(runs, processor));
log('sync over a distant host (200 ms a request)…');
Object.assign(results, await benchSyncWan(Math.min(runs, 3), processor));
await processor.close();
log('a hostile feed of 100,000 items…');
Object.assign(results, await benchHugeFeed());
log('command line start…');
Object.assign(results, await benchCliStart(runs));
log('library open…');
Object.assign(results, await benchLibraryOpen(runs));
log('search…');
Object.assign(results, await benchSearch(runs));
log('progress and plans…');
Object.assign(results, await benchPace(runs));
log('progress shared by three computers…');
Object.assign(results, await benchShare(runs));
if (args.includes('--no-browser')) {
  log('renderer: skipped (--no-browser)');
} else {
  log('renderer in Chromium…');
  Object.assign(results, await benchRenderer(runs));
  log('window data flow (requests counted at the bridge)…');
  Object.assign(results, await benchDataflow());
}

const verdicts: Record<string, { value: number; target: number; met: boolean }> = {};
for (const [name, target] of Object.entries(TARGETS)) {
  const value = results[name];
  if (typeof value === 'number') verdicts[name] = { value, target, met: value <= target };
}
results.targets = verdicts;

if (json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  for (const [name, value] of Object.entries(results)) {
    if (name === 'targets') continue;
    if (value && typeof value === 'object' && 'median' in value) {
      const s = value as { min: number; median: number; max: number };
      const unit = name.endsWith('_heap') ? 'MB' : 'ms';
      log(
        `${name.padEnd(22)} min ${s.min} ${unit}   median ${s.median} ${unit}   max ${s.max} ${unit}`,
      );
    } else if (typeof value === 'number' && /_(ms|mb)$/.test(name)) {
      log(`${name.padEnd(22)} ${value} ${name.endsWith('_mb') ? 'MB' : 'ms'}`);
    }
  }
  for (const [name, value] of Object.entries(results)) {
    if (
      typeof value === 'number' &&
      name !== 'runs' &&
      !(name in TARGETS) &&
      !/_(ms|mb)$/.test(name)
    ) {
      log(`${name.padEnd(22)} ${value}`);
    }
  }
  for (const [name, v] of Object.entries(verdicts)) {
    log(`${name.padEnd(22)} ${v.value}  (target ≤ ${v.target}: ${v.met ? 'met' : 'NOT met'})`);
  }
}
