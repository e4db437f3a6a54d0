import { notifyManager, QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of what core said. Core is on this machine and tells the renderer when
 * something changed, so nothing goes stale by age, nothing is retried, and nothing waits for the
 * browser to think it is online (assessors work offline for days).
 */
export function createQueryClient(): QueryClient {
  // A local edit shown through the cache must reach the screen within the keystroke's own event
  // (a controlled text field re-renders before the next key), not a timer later.
  notifyManager.setScheduler((notify) => notify());
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
