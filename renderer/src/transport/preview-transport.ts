import type { Transport } from '../../../shared/contract/client';
import { fail } from '../../../shared/contract/result';
import type { ContractOverRpc } from '../../../shared/contract/rpc-api';
import { connectRpc } from '../../../shared/rpc/peer';
import type { NoApi, RpcPeer } from '../../../shared/rpc/peer';
import type { RpcPort } from '../../../shared/rpc/port';

/** Offered with the token on the socket (a page can set no header on a WebSocket). */
const eventsProtocol = 'assessor.events.v1';
const tokenProtocolPrefix = 'assessor.token.';

type CorePeer = RpcPeer<NoApi, ContractOverRpc>;

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

/** The page's WebSocket as an RPC port: each message one JSON text frame. */
function socketPort(socket: WebSocket): RpcPort & { close(): void } {
  return {
    postMessage: (message) => socket.send(JSON.stringify(message)),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      if (event === 'close') return socket.addEventListener('close', () => listener());
      socket.addEventListener('message', ({ data }) => {
        let message: unknown;
        try {
          message = typeof data === 'string' ? JSON.parse(data) : undefined;
        } catch {
          message = undefined; // refused by the RPC
        }
        listener(message);
      });
    },
    close: () => socket.close(),
  };
}

/** How long the host may be unreachable before the page says how to get back in (a restart takes a few seconds). */
const hostLostAfterMs = 20_000;

/**
 * Talks to core through the preview host on the page's own origin: calls and events over one
 * WebSocket (the same RPC as the desktop's port), which offers the page token as a subprotocol. No
 * cookie carries it: a browser would send a cookie for 127.0.0.1 to every other local port too.
 *
 * A socket that drops is opened again, with backoff; calls made meanwhile fail at once (the UI says
 * core is unavailable) rather than wait. A browser does not say why a socket was refused, so when
 * one cannot open the page asks the host over HTTP: if it refuses the token (401: unused for hours,
 * or the host was started again), nothing this page holds can get back in. `onAccessEnded` is told
 * once, so the page can say how to (open the printed link again), and the socket stops reconnecting.
 */
export function createPreviewTransport(token: string, onAccessEnded: () => void, origin: string = window.location.origin, onLost: (lost: boolean) => void = () => undefined): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let peer: CorePeer | null = null;
  let connection: Promise<CorePeer>;
  let retryMs = 250;
  let accessEnded = false;
  // A host gone for a while (closed, or started again on another port: this address will not answer
  // again) is said once, with how to get back; said again to be over once it answers.
  let unreachableSince: number | null = null;
  let toldLost = false;
  const noteUnreachable = (): void => {
    unreachableSince ??= Date.now();
    if (!toldLost && Date.now() - unreachableSince >= hostLostAfterMs) {
      toldLost = true;
      onLost(true);
    }
  };

  const deliver = (event: string) => (payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  /** Whether the host still takes this page's token (false only on its 401). */
  const tokenAccepted = async (): Promise<boolean> => {
    try {
      const response = await fetch(`${origin}/rpc/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      return response.status !== 401;
    } catch {
      return true; // unreachable: it may come back
    }
  };

  const retry = (): void => {
    noteUnreachable();
    setTimeout(() => void (connection = connect()).catch(() => undefined), retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };

  const connect = (): Promise<CorePeer> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events`, [eventsProtocol, `${tokenProtocolPrefix}${token}`]);
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        retryMs = 250;
        unreachableSince = null;
        if (toldLost) {
          toldLost = false;
          onLost(false);
        }
        const current = connectRpc<NoApi, ContractOverRpc>(socketPort(socket), { serve: {} });
        for (const event of listeners.keys()) current.on(event, deliver(event));
        current.onClose(() => {
          if (peer === current) peer = null;
          connection = Promise.reject(new Error('The workstation preview is not connected; reconnecting.'));
          connection.catch(() => undefined);
          retry();
        });
        peer = current;
        resolve(current);
      });
      socket.addEventListener('close', () => {
        if (opened) return;
        reject(new Error('The workstation preview is not reachable.'));
        void tokenAccepted().then((accepted) => {
          if (accepted) return retry();
          accessEnded = true;
          onAccessEnded();
        });
      });
    });

  connection = connect();
  connection.catch(() => undefined);

  return {
    async invoke(method, input) {
      if (accessEnded) return fail('forbidden', 'Open the link printed when the workstation preview started.');
      return (await connection).call('invoke', { method, input });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        peer?.on(event, deliver(event));
      }
      set.add(listener);
      // The event's set stays once made (empty or not): each connection listens to it once.
      return () => set.delete(listener);
    },
  };
}
