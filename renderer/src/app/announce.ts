import { useEffect, useRef } from 'react';
import type { Words } from '../words';

// A message for the window's notice from a screen that is about to go (a case answered beside the
// evidence, whose pane closes as the lead goes back to the queue): the app shows it where it stays.

const listeners = new Set<(message: Words) => void>();

export function announce(message: Words): void {
  for (const listener of listeners) listener(message);
}

/** While mounted, `show` receives every announcement (the app's notice). */
export function useAnnouncements(show: (message: Words) => void): void {
  const latest = useRef(show);
  useEffect(() => {
    latest.current = show;
  });
  useEffect(() => {
    const listener = (message: Words): void => latest.current(message);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}
