import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFeedServer } from '../helpers/feed-server';
import type { FeedServer } from '../helpers/feed-server';
import { toolPath } from '../helpers/needs-tool';
import { writeLoopbackCatalog } from '../helpers/test-catalog';
import { launchBrowser, openApp } from './harness';
import type { AppSession } from './harness';

const chromium = toolPath('chromium');
const BURST = 24;

let feeds: FeedServer;
let browser: Browser;
let app: AppSession;
let dir: string;

beforeAll(async () => {
  if (!chromium) return;
  dir = await mkdtemp(join(tmpdir(), 'studyline-e2e-bridge-'));
  feeds = await startFeedServer();
  browser = await launchBrowser(chromium);
  app = await openApp(browser, {
    catalogPath: await writeLoopbackCatalog(dir, feeds.origin),
    // Slow answers keep the burst in flight together: more requests than connections.
    slowChannels: { 'emails:list': 150 },
  });
  await app.page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await feeds?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!chromium)("the test bridge, the window's stand-in for IPC", () => {
  test('answers a burst of requests each with its own answer, and main takes them in the order sent', async () => {
    const answers = await app.page.evaluate(async (count) => {
      const api = (window as unknown as { studyline: Record<string, (id: string) => unknown> })
        .studyline;
      const asked = Array.from({ length: count }, (_, i) => api['emails:list']!(`burst-${i}`));
      return JSON.stringify(await Promise.all(asked));
    }, BURST);
    const replies = JSON.parse(answers) as { ok: boolean; error?: { message: string } }[];
    expect(replies).toHaveLength(BURST);
    // Each answer is main's refusal for that very course: answers are not mixed up.
    replies.forEach((reply, i) => {
      expect(reply.ok).toBe(false);
      expect(reply.error?.message).toContain(`burst-${i}`);
    });
    const burst = app.requests
      .filter(({ args }) => String(args[0]).startsWith('burst-'))
      .map(({ args }) => args[0]);
    expect(burst).toEqual(Array.from({ length: BURST }, (_, i) => `burst-${i}`));
  });
});
