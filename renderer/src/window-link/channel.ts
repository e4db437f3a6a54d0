import { z } from 'zod';
import { FromEvidenceWindow, ToEvidenceWindow } from './messages';

/**
 * One channel per origin: the desktop's app:// windows, or the preview's tabs on its loopback port.
 * Every scoring window and evidence window of the origin hears every message on it, so each message
 * names its pair and its side (v2: v1's messages named no pair).
 */
const channelName = 'assessor.window-link.v2';

type Side = 'scoring' | 'evidence';

export interface WindowLink<Incoming, Outgoing> {
  post: (message: Outgoing) => void;
  subscribe: (listener: (message: Incoming) => void) => () => void;
  close: () => void;
}

/**
 * The scoring window and its evidence window talk over a BroadcastChannel: same origin only, in
 * this browser (or this desktop app) only. A window takes only its partner's messages — the same
 * pair, the other side — and each is still checked: it comes from another page. A second scoring
 * tab's messages, or another pair's evidence window's, never reach the listeners.
 */
function openLink<Incoming, Outgoing>(side: Side, pair: string, incoming: z.ZodType<Incoming>): WindowLink<Incoming, Outgoing> {
  const fromPartner = z.strictObject({ pair: z.literal(pair), from: z.literal(side === 'scoring' ? 'evidence' : 'scoring'), message: incoming });
  const channel = new BroadcastChannel(channelName);
  const listeners = new Set<(message: Incoming) => void>();
  let closed = false;
  channel.addEventListener('message', (event: MessageEvent) => {
    const parsed = fromPartner.safeParse(event.data);
    if (!parsed.success) return;
    for (const listener of listeners) listener(parsed.data.message);
  });
  return {
    // Once closed (a new pair replaced this one), what is still said on the way out (a workspace
    // clearing what the old window shows) is moot, and must not throw as a closed channel would.
    post: (message) => {
      if (!closed) channel.postMessage({ pair, from: side, message });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => {
      closed = true;
      channel.close();
    },
  };
}

export type ScoringLink = WindowLink<FromEvidenceWindow, ToEvidenceWindow>;
export type EvidenceLink = WindowLink<ToEvidenceWindow, FromEvidenceWindow>;

export const openScoringSide = (pair: string): ScoringLink => openLink('scoring', pair, FromEvidenceWindow);
export const openEvidenceSide = (pair: string): EvidenceLink => openLink('evidence', pair, ToEvidenceWindow);
