import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { openEvidenceWindow } from '../transport';
import type { WindowLink } from './channel';
import { openScoringSide } from './channel';
import type { FromEvidenceWindow, ToEvidenceWindow } from './messages';

/** The evidence window says hello this often; silent for longer than `lostAfterMs`, it is gone (closed or crashed). */
export const helloEveryMs = 2000;
const lostAfterMs = 3 * helloEveryMs;

export interface EvidenceWindow {
  /** True while the evidence is in its own window (the scoring window then shows the rubric and the feed). */
  open: boolean;
  openWindow: () => void;
  /** Closes the evidence window: the evidence comes back into the scoring window. */
  bringBack: () => void;
  post: (message: ToEvidenceWindow) => void;
  subscribe: (listener: (message: FromEvidenceWindow) => void) => () => void;
}

const Context = createContext<EvidenceWindow | null>(null);

/** The scoring window's end of the link, for the workspace to use (and its shortcuts to reach the other window). */
export function EvidenceWindowProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [link] = useState<WindowLink<FromEvidenceWindow, ToEvidenceWindow>>(() => openScoringSide());
  const [open, setOpen] = useState(false);
  const lastHeard = useRef(0);
  useEffect(
    () =>
      link.subscribe((message) => {
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
    // The scoring window is where the work is: when it goes, its evidence window goes too.
    const closeOther = (): void => link.post({ type: 'close' });
    window.addEventListener('pagehide', closeOther);
    return () => window.removeEventListener('pagehide', closeOther);
  }, [link]);
  const value: EvidenceWindow = {
    open,
    openWindow: () => void openEvidenceWindow(),
    bringBack: () => {
      link.post({ type: 'close' });
      setOpen(false);
    },
    post: link.post,
    subscribe: link.subscribe,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useEvidenceWindow(): EvidenceWindow | null {
  return useContext(Context);
}
