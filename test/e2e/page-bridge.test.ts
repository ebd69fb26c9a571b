import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './harness';
import { connectPageBridge, installPageBridge, type Answer, type PageBridge } from './page-bridge';
import { toolPath } from '../helpers/needs-tool';

const chromium = toolPath('chromium');

let browser: Browser | undefined;

beforeAll(async () => {
  if (chromium) browser = await launchBrowser(chromium);
});

afterAll(async () => {
  await browser?.close();
});

/** What the page finds as `window.studyline` with the one channel these tests give it. */
interface TestApi {
  ask(...args: unknown[]): Promise<{ ok: boolean; value: unknown }>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** A blank page with the bridge, answering `channel` with `answer`. */
async function bridgedPage(answer: Answer): Promise<{ page: Page; bridge: PageBridge }> {
  const context = await browser!.newContext();
  await installPageBridge(context, ['ask']);
  const page = await context.newPage();
  const bridge = await connectPageBridge(page, answer);
  await page.goto('data:text/html,<title>bridge</title>');
  return { page, bridge };
}

describe.skipIf(!chromium)('the browser tests’ stand-in for preload', () => {
  test('an event sent after an answer reaches the page after it, as over IPC', async () => {
    const held: { bridge?: PageBridge } = {};
    const opened = await bridgedPage(async () => {
      // Sent right after the answer below: the page must see the answer first.
      setImmediate(() => held.bridge?.emit('changed', 'after the answer'));
      return JSON.stringify({ ok: true, value: 'the answer' });
    });
    held.bridge = opened.bridge;
    const seen = await opened.page.evaluate(async () => {
      const api = (window as unknown as { studyline: TestApi }).studyline;
      const order: unknown[] = [];
      const heard = new Promise<void>((done) =>
        api.on('changed', (payload) => {
          order.push(payload);
          done();
        }),
      );
      const answer = api.ask().then(({ value }) => {
        order.push(value);
      });
      await Promise.all([heard, answer]);
      return order;
    });
    expect(seen).toEqual(['the answer', 'after the answer']);
    await opened.page.context().close();
  });

  test('arguments reach main as sent, an undefined one included', async () => {
    const received: unknown[][] = [];
    const { page } = await bridgedPage(async (channel, args) => {
      received.push([channel, ...args]);
      return JSON.stringify({ ok: true, value: args.length });
    });
    const answered = await page.evaluate(() => {
      const api = (window as unknown as { studyline: TestApi }).studyline;
      return api.ask('c1', undefined, { note: 'ü "quoted"\n', gone: undefined, none: null });
    });
    expect(answered).toEqual({ ok: true, value: 3 });
    expect(received).toHaveLength(1);
    const [channel, courseId, missing, options] = received[0]!;
    expect([channel, courseId, missing]).toEqual(['ask', 'c1', undefined]);
    expect(received[0]).toHaveLength(4);
    expect(options).toEqual({ note: 'ü "quoted"\n', none: null });
    await page.context().close();
  });
});
