import { QueryClient } from '@tanstack/react-query';

/**
 * The window's cache of what the core knows. Nothing goes stale by time or
 * focus: the core pushes an event for every change (events.ts), and a query
 * is read again exactly when an event names it. Requests go to a local
 * process, so a failure is a real answer, not a flaky network: no retries.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
