import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * The test window's stand-in for preload's bridge, on the browser's own
 * protocol (CDP) rather than Playwright's `exposeBinding`.
 *
 * In the app a request goes to main over Electron's IPC and its answer comes
 * back as one message. `exposeBinding` answered through Playwright's general
 * evaluation: a helper script installed in the page first, the answer wrapped
 * and unwrapped by its serializer, and a handle to release afterwards. That
 * added tens of milliseconds to every answer, and far more on a busy machine:
 * in alternated launches of a 1,000-email library the first list took 386
 * against 351 ms (medians of 10) on a quiet machine and 943 against 559 ms
 * (of 12) on a loaded one, none of which the app pays. Here the page calls a
 * CDP binding and each answer is one call of a plain function.
 *
 * Answers and events go down the same CDP session, so the page gets them in
 * the order main sent them, as with IPC: an event can never overtake the
 * answer to an earlier request.
 */

/** The page's binding: `[seq, channel, args]` as JSON. */
const SEND = '__studylineSend';
/** JSON has no `undefined`; IPC keeps it (an optional argument left out): marked on the way. */
const UNDEFINED = '__studylineUndefined';

export interface PageBridge {
  /** Tells the page an event, after every answer sent before it. */
  emit(event: string, payload: unknown): void;
}

/** What main answers a request: the `{ ok, value }` / `{ ok: false, error }` as JSON text. */
export type Answer = (channel: string, args: unknown[]) => Promise<string>;

/** Before the page loads: what the page's scripts find as `window.studyline`. */
export function installPageBridge(context: BrowserContext, channels: readonly string[]) {
  return context.addInitScript(pageSide, { channels, send: SEND, undefinedMark: UNDEFINED });
}

/** Once the page exists, before it navigates: requests are answered from then on. */
export async function connectPageBridge(page: Page, answer: Answer): Promise<PageBridge> {
  const session = await page.context().newCDPSession(page);
  session.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
    if (name !== SEND) return;
    const [seq, channel, args] = JSON.parse(payload, revive) as [number, string, unknown[]];
    void answer(channel, args).then((text) => reply(session, executionContextId, seq, text));
  });
  // The binding is only added to the page's documents once the session follows them.
  await session.send('Runtime.enable');
  await session.send('Runtime.addBinding', { name: SEND });
  return {
    emit: (event, payload) => {
      const data = JSON.stringify(payload) ?? 'undefined';
      session
        .send('Runtime.evaluate', {
          expression: `globalThis.__studylineEmit?.(${JSON.stringify(event)}, ${data})`,
        })
        // A page that is closing cannot receive the event; nothing to do about it.
        .catch(() => {});
    },
  };
}

function reply(session: CDPSession, contextId: number, seq: number, text: string): void {
  session
    .send('Runtime.callFunctionOn', {
      functionDeclaration: '(seq, text) => globalThis.__studylineAnswer(seq, text)',
      executionContextId: contextId,
      arguments: [{ value: seq }, { value: text }],
    })
    // The page that asked was closed or reloaded meanwhile.
    .catch(() => {});
}

function revive(_key: string, value: unknown): unknown {
  return value !== null && typeof value === 'object' && UNDEFINED in value ? undefined : value;
}

/** Runs in the page before its scripts: what preload exposes, built on the binding. */
function pageSide({
  channels,
  send,
  undefinedMark,
}: {
  channels: readonly string[];
  send: string;
  undefinedMark: string;
}): void {
  const page = window as unknown as Record<string, unknown> & {
    __studylineAnswer?: (seq: number, text: string) => void;
    __studylineEmit?: (event: string, payload: unknown) => void;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const waiting = new Map<number, (text: string) => void>();
  let last = 0;
  const api: Record<string, unknown> = {};
  // As preload does: every request answers main's `{ ok, value }` or `{ ok: false, error }`.
  for (const channel of channels) {
    api[channel] = (...args: unknown[]) =>
      new Promise<string>((done) => {
        last += 1;
        waiting.set(last, done);
        const payload = JSON.stringify([last, channel, args], (_key, value: unknown) =>
          value === undefined ? { [undefinedMark]: true } : value,
        );
        (page[send] as (payload: string) => void)(payload);
      }).then((text) => JSON.parse(text) as unknown);
  }
  page.__studylineAnswer = (seq, text) => {
    const done = waiting.get(seq);
    waiting.delete(seq);
    done?.(text);
  };
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  };
  page.__studylineEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  Object.defineProperty(window, 'studyline', { value: Object.freeze(api), enumerable: true });
}
