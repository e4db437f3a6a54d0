import type { Transport } from '../../../shared/contract/client';
import { EventEnvelope } from '../../../shared/contract/events';

/** Offered with the token on the event socket (a page can set no header on a WebSocket). */
const eventsProtocol = 'assessor.events.v1';
const tokenProtocolPrefix = 'assessor.token.';

/**
 * The page token the preview host handed over in the address's fragment when the printed link was
 * opened. It is taken out of the address at once (so it is in no history, bookmark or screenshot)
 * and kept only in this page's memory: a reload needs the printed link again. Null without one.
 */
export function takePageToken(location: Location = window.location, history: History = window.history): string | null {
  const match = /(?:^#|&)session=([A-Za-z0-9_-]{20,})/.exec(location.hash);
  if (!match) return null;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return match[1]!;
}

/**
 * Talks to the preview host on the page's own origin, with the page token as an Authorization
 * header and as a WebSocket subprotocol. No cookie carries it: a browser would send a cookie for
 * 127.0.0.1 to every other local port too.
 *
 * When the host refuses the token (401: it went unused for hours, or the host was started again),
 * nothing this page holds can get back in: `onAccessEnded` is told once, so the page can say how
 * to (open the printed link again), and the event socket stops reconnecting.
 */
export function createPreviewTransport(token: string, onAccessEnded: () => void, origin: string = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryMs = 250;
  let accessEnded = false;

  const connect = (): void => {
    if (accessEnded) return;
    socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events`, [eventsProtocol, `${tokenProtocolPrefix}${token}`]);
    socket.addEventListener('open', () => {
      retryMs = 250;
    });
    socket.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const envelope = EventEnvelope.safeParse(parsed);
      if (!envelope.success) return;
      for (const listener of listeners.get(envelope.data.event) ?? []) listener(envelope.data.payload);
    });
    socket.addEventListener('close', () => {
      socket = null;
      if (listeners.size === 0) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };

  return {
    async invoke(method, input) {
      const response = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (response.status === 401 && !accessEnded) {
        accessEnded = true;
        onAccessEnded();
      }
      return (await response.json()) as unknown;
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      if (!socket) connect();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}
