import { focusManager, notifyManager, QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of what core said. Core is on this machine and tells the renderer when
 * something changed, so nothing goes stale by age, nothing is retried, and nothing waits for the
 * browser to think it is online (assessors work offline for days).
 */
/**
 * A window "comes back" when it is shown again or takes the focus (two windows side by side are both
 * visible: only the focus tells which one the assessor turned to). Only reads that ask for it
 * (refetchOnWindowFocus) are read again then.
 */
function followWindowFocus(): void {
  focusManager.setEventListener((handleFocus) => {
    const shown = (): void => handleFocus(document.visibilityState !== 'hidden');
    const focused = (): void => handleFocus(true);
    const left = (): void => handleFocus(false);
    window.addEventListener('visibilitychange', shown);
    window.addEventListener('focus', focused);
    window.addEventListener('blur', left);
    return () => {
      window.removeEventListener('visibilitychange', shown);
      window.removeEventListener('focus', focused);
      window.removeEventListener('blur', left);
    };
  });
}

export function createQueryClient(): QueryClient {
  if (typeof window !== 'undefined') followWindowFocus();
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
