import type { RequestHandlers } from '../core/app/request-handlers';

export type TrackedHandlers = RequestHandlers & {
  /** Resolves once every sync started so far has ended. */
  settled(): Promise<void>;
};

/**
 * Remembers running syncs so quitting can wait for them before closing the
 * library, and calls `afterSync` when one ends: new emails can make one due.
 */
export function trackSyncs(handlers: RequestHandlers, afterSync: () => void): TrackedHandlers {
  const running = new Set<Promise<unknown>>();
  return {
    ...handlers,
    'sync:start': (scope) => {
      const promise = handlers['sync:start'](scope);
      running.add(promise);
      void promise
        .catch(() => undefined)
        .finally(() => {
          running.delete(promise);
          afterSync();
        });
      return promise;
    },
    settled: async () => {
      await Promise.allSettled([...running]);
    },
  };
}
