import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { openEvidenceWindow } from '../transport';
import type { ScoringLink } from './channel';
import { openScoringSide } from './channel';

/** The evidence window says hello this often; silent for longer than `lostAfterMs`, it is gone (closed or crashed). */
export const helloEveryMs = 2000;
const lostAfterMs = 3 * helloEveryMs;

export interface EvidenceWindow {
  /** True while the evidence is in its own window (the scoring window then shows the rubric and the feed). */
  open: boolean;
  openWindow: () => void;
  /** Closes the evidence window: the evidence comes back into the scoring window. */
  bringBack: () => void;
  /** The link to the evidence window opened last; null before "New window" (no pair: no evidence window is heard). */
  link: ScoringLink | null;
}

const Context = createContext<EvidenceWindow | null>(null);

/** The scoring window's end of the link, for the workspace to use (and its shortcuts to reach the other window). */
export function EvidenceWindowProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [link, setLink] = useState<ScoringLink | null>(null);
  const [open, setOpen] = useState(false);
  const lastHeard = useRef(0);
  useEffect(
    () =>
      link?.subscribe((message) => {
        lastHeard.current = Date.now();
        setOpen(message.type !== 'bye');
      }),
    [link],
  );
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (Date.now() - lastHeard.current > lostAfterMs) setOpen(false);
    }, helloEveryMs);
    return () => clearInterval(timer);
  }, [open]);
  useEffect(() => {
    if (!link) return;
    // The scoring window is where the work is: when it goes, its evidence window goes too.
    const closeOther = (): void => link.post({ type: 'close' });
    window.addEventListener('pagehide', closeOther);
    return () => window.removeEventListener('pagehide', closeOther);
  }, [link]);
  const value: EvidenceWindow = {
    open,
    openWindow: () => {
      // A new window is a new pair. One evidence window per scoring window, as a professional tool
      // keeps it: the one opened before, if still there (it went quiet, or the assessor lost it
      // behind other windows), is told to close rather than left showing evidence nothing follows.
      link?.post({ type: 'close' });
      link?.close();
      const pair = crypto.randomUUID();
      setLink(openScoringSide(pair));
      setOpen(false);
      void openEvidenceWindow(pair);
    },
    bringBack: () => {
      link?.post({ type: 'close' });
      setOpen(false);
    },
    link,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useEvidenceWindow(): EvidenceWindow | null {
  return useContext(Context);
}
