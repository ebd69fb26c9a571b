import { spawn } from 'node:child_process';
import path from 'node:path';
import { serveBody, startFeedServer } from '../helpers/feed-server';

export interface HugeFeedBench {
  /** Peak memory (maxRSS) of a first sync of a 100,000-item feed, in MB. */
  sync_huge_peak_mb: number;
  sync_huge_ms: number;
  sync_huge_items_kept: number;
  sync_huge_library_mb: number;
}

export const HUGE_ITEMS = 100_000;

/** One page of tiny items, the hostile shape the audit found (within the 20 MB request cap). */
export function hugeFeed(items: number, origin: string): string {
  const entries: string[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < items; i++) {
    const date = new Date(start - i * 60_000).toUTCString();
    entries.push(
      `<item><title>Post ${i}</title><link>${origin}/p/${i}</link><guid>${origin}/p/${i}</guid><pubDate>${date}</pubDate><description>Text ${i}</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>A feed that never ends</title><link>${origin}/</link>${entries.join('')}</channel></rss>`;
}

/** Syncs a 100,000-item feed in a child process and reads its peak memory. */
export async function benchHugeFeed(): Promise<HugeFeedBench> {
  const server = await startFeedServer();
  // Under tsx: the feed libraries' CommonJS does not bundle to one ESM file.
  const child = ['--import', 'tsx', path.join(import.meta.dirname, 'huge-feed-child.ts')];
  try {
    const body = hugeFeed(HUGE_ITEMS, server.origin);
    server.route(
      '/huge/feed/',
      serveBody(body, { headers: { 'content-type': 'application/rss+xml' } }),
    );
    const out = await run(child, server.url('/huge/feed/'));
    const measured = JSON.parse(out) as {
      ms: number;
      peakMb: number;
      libraryBytes: number;
      result: { itemCount: number; status: string; error?: string; warning?: string };
    };
    process.stderr.write(`huge feed: ${JSON.stringify(measured.result)}\n`);
    return {
      sync_huge_peak_mb: Math.round(measured.peakMb),
      sync_huge_ms: Math.round(measured.ms),
      sync_huge_items_kept: measured.result.itemCount,
      sync_huge_library_mb: Math.round((measured.libraryBytes / 1024 / 1024) * 10) / 10,
    };
  } finally {
    await server.close();
  }
}

function run(args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...args, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('close', (code) =>
      code === 0
        ? resolve(out.trim().split('\n').pop() ?? '')
        : reject(new Error(`huge feed sync exited ${code}`)),
    );
  });
}
