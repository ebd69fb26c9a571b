import { jitteredDelay, SYNC_JITTER } from '../../electron/core/sync/sync-timing';

/**
 * `npm run simulate -- --installs 100000 --hours 24`: many installs following
 * the same WordPress category, each syncing automatically with the app's
 * policy (every N hours, jittered by core/sync/sync-timing, conditional GET
 * on page 1, a later page only when page 1 holds nothing already stored).
 * Prints what the blog's host sees: requests and full-body (200) responses
 * per second, with and without conditional GET.
 */
interface Options {
  installs: number;
  hours: number;
  everyHours: number;
  /** A new email in the category every this many hours (a live run of a course). */
  emailEveryHours: number;
  /** Changes of the site-wide ETag/Last-Modified that bring nothing new to the category. */
  siteChangesPerDay: number;
  seed: number;
}

const HOUR = 3600;
const PAGE_SIZE = 10;

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} takes a number`);
    return parsed;
  };
  return {
    installs: value('installs', 100_000),
    hours: value('hours', 24),
    everyHours: value('every-hours', 4),
    emailEveryHours: value('email-every-hours', 84),
    siteChangesPerDay: value('site-changes-per-day', 0),
    seed: value('seed', 1),
  };
}

/** A small seeded generator (mulberry32): the same run prints the same figures. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Feed {
  /** Seconds at which a new email appears in the category. */
  emails: number[];
  /** Seconds at which the validators change (new emails and other site changes). */
  versions: number[];
}

/** The first new email 6 h in, then one every emailEveryHours; site changes spread evenly. */
function feedTimeline(o: Options): Feed {
  const end = o.hours * HOUR;
  const emails: number[] = [];
  for (let t = 6 * HOUR; t < end; t += o.emailEveryHours * HOUR) emails.push(t);
  const site: number[] = [];
  const perDay = o.siteChangesPerDay;
  for (let i = 1; perDay > 0 && i * (86_400 / perDay) < end; i++) site.push(i * (86_400 / perDay));
  return { emails, versions: [...emails, ...site].sort((a, b) => a - b) };
}

/** How many of the sorted times are ≤ t. */
function countUpTo(times: number[], t: number): number {
  let n = 0;
  while (n < times.length && times[n]! <= t) n++;
  return n;
}

interface Tally {
  requests: Uint32Array;
  full: Uint32Array;
}

function simulate(o: Options, conditional: boolean): Tally {
  const random = seeded(o.seed);
  const end = o.hours * HOUR;
  const minutes = Math.ceil(end / 60);
  const tally = { requests: new Uint32Array(minutes), full: new Uint32Array(minutes) };
  const feed = feedTimeline(o);
  const interval = o.everyHours * HOUR;
  for (let install = 0; install < o.installs; install++) {
    // Steady state: every install has synced before the day starts, at a time of its own.
    let seenVersion = 0;
    let seenEmails = 0;
    for (let t = random() * interval; t < end; t += jitteredDelay(interval, random)) {
      const minute = Math.floor(t / 60);
      const version = countUpTo(feed.versions, t);
      tally.requests[minute]! += 1;
      if (conditional && version === seenVersion) continue; // 304 Not Modified
      tally.full[minute]! += 1;
      const emails = countUpTo(feed.emails, t);
      // Page 2 only when page 1 holds no email this install already has.
      if (emails - seenEmails >= PAGE_SIZE) {
        tally.requests[minute]! += 1;
        tally.full[minute]! += 1;
      }
      seenVersion = version;
      seenEmails = emails;
    }
  }
  return tally;
}

function perSecond(counts: Uint32Array): { mean: number; peak: number } {
  let total = 0;
  let peak = 0;
  for (const count of counts) {
    total += count;
    peak = Math.max(peak, count);
  }
  return { mean: total / (counts.length * 60), peak: peak / 60 };
}

const options = parseOptions(process.argv.slice(2));
const fixed = (n: number) => n.toFixed(2).padStart(8);
const rows = [true, false].map((conditional) => {
  const tally = simulate(options, conditional);
  return { conditional, requests: perSecond(tally.requests), full: perSecond(tally.full) };
});
const json = process.argv.includes('--json');
if (json) {
  process.stdout.write(`${JSON.stringify({ options, rows }, null, 2)}\n`);
} else {
  const o = options;
  const lines = [
    `Politeness: ${o.installs} installs following one WordPress category for ${o.hours} h`,
    `  each syncing every ${o.everyHours} h ± ${SYNC_JITTER * 100}% from a time of its own; a new email every ${o.emailEveryHours} h (first at 6 h); ${o.siteChangesPerDay} other site-wide validator changes a day`,
    '',
    '                        requests/s           full (200) responses/s',
    '                        mean    peak minute  mean    peak minute',
    ...rows.map(
      (r) =>
        `${(r.conditional ? 'conditional GET' : 'no conditional GET').padEnd(20)}${fixed(r.requests.mean)}${fixed(r.requests.peak)}    ${fixed(r.full.mean)}${fixed(r.full.peak)}`,
    ),
    '',
    `Goal: < 1 full-feed response per second on average: ${rows[0]!.full.mean < 1 ? 'met' : 'NOT met'} (${rows[0]!.full.mean.toFixed(2)}/s).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
