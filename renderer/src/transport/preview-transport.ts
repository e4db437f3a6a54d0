import type { Transport } from '../../../shared/contract/client';
import { EventEnvelope } from '../../../shared/contract/events';

/**
 * Talks to the preview host on the page's own origin. The per-run secret travels in an HttpOnly
 * cookie the host set when the link was opened, so this code never sees it.
 */
export function createPreviewTransport(origin: string = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = (): void => {
    socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events`);
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
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
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
