import type { z } from 'zod';
import { FromEvidenceWindow, ToEvidenceWindow } from './messages';

/** One channel per origin: the desktop's app:// windows, or the preview's tabs on its loopback port. */
const channelName = 'assessor.window-link.v1';

export interface WindowLink<Incoming, Outgoing> {
  post: (message: Outgoing) => void;
  subscribe: (listener: (message: Incoming) => void) => () => void;
  close: () => void;
}

/**
 * The scoring window and its evidence window talk over a BroadcastChannel: same origin only, in
 * this browser (or this desktop app) only. Each message is still checked: it comes from another page.
 */
function openLink<Incoming, Outgoing>(side: 'scoring' | 'evidence', incoming: z.ZodType<Incoming>): WindowLink<Incoming, Outgoing> {
  const channel = new BroadcastChannel(channelName);
  const listeners = new Set<(message: Incoming) => void>();
  channel.addEventListener('message', (event: MessageEvent) => {
    // Only the other side's messages (a second scoring tab's are not for this one).
    const data = event.data as { from?: unknown; message?: unknown } | null;
    if (!data || data.from === side) return;
    const parsed = incoming.safeParse(data.message);
    if (!parsed.success) return;
    for (const listener of listeners) listener(parsed.data);
  });
  return {
    post: (message) => channel.postMessage({ from: side, message }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}

export const openScoringSide = (): WindowLink<FromEvidenceWindow, ToEvidenceWindow> => openLink('scoring', FromEvidenceWindow);
export const openEvidenceSide = (): WindowLink<ToEvidenceWindow, FromEvidenceWindow> => openLink('evidence', ToEvidenceWindow);
