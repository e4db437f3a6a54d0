import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps one identity for the component's life and calls the latest `callback`: for
 * the handlers given to memoized rows (criteria, feedback fields), so that a row renders again only
 * when its own data changes, not on every keystroke elsewhere. Call it from events, never while rendering.
 */
export function useStableCallback<Args extends unknown[], Result>(callback: (...args: Args) => Result): (...args: Args) => Result {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: Args) => latest.current(...args), []);
}
