import type { Events } from '../shared/contract';

/** What main hands the window once, even if it arrives before the window listens. */
export type DeliveredEvent = 'app:openEmail';

/** The part of a WebContents this needs (no `electron` import: the harness uses it too). */
export interface PageContents {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  once(event: 'did-start-loading', listener: () => void): unknown;
}

export interface Deliveries {
  /** Sends now to a window that said it is ready; otherwise holds it until it does. */
  deliver<E extends DeliveredEvent>(event: E, payload: Events[E]): void;
  /** The window's page sent `app:ready`: it listens now, so what was held goes to it, once. */
  ready(): void;
}

/**
 * The ready handshake. A notification click can open the window, and its page
 * subscribes to events only once its scripts ran: anything sent before is
 * lost. So deliveries wait for `app:ready`, which the page sends after
 * subscribing; a reload (or a new window) waits for its own `app:ready`.
 * Of each kind only the latest waits: two clicks before ready open the last email.
 */
export function createDeliveries(current: () => PageContents | undefined): Deliveries {
  let readyPage: PageContents | undefined;
  const held = new Map<DeliveredEvent, unknown>();

  const listening = (): PageContents | undefined => {
    const page = current();
    return page && page === readyPage && !page.isDestroyed() ? page : undefined;
  };

  return {
    deliver(event, payload) {
      const page = listening();
      if (page) {
        page.send(event, payload);
        return;
      }
      held.delete(event);
      held.set(event, payload);
    },
    ready() {
      const page = current();
      if (!page || page.isDestroyed()) return;
      readyPage = page;
      // Loading again (a reload) means a new page that has to subscribe first.
      page.once('did-start-loading', () => {
        if (readyPage === page) readyPage = undefined;
      });
      for (const [event, payload] of held) page.send(event, payload);
      held.clear();
    },
  };
}
