/**
 * The least a channel must offer to carry the RPC: send a message, hear messages, hear that the other
 * end went away. Node's worker_threads MessagePort fits as it is; Electron's ports, a Worker, a DOM
 * MessagePort and a WebSocket fit through the small adapters beside their hosts.
 */
export interface RpcPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** A port that hands each message to its listeners wrapped in an event, as `data` (Electron's MessagePortMain, a DOM MessagePort). */
export interface EventCarryingPort {
  postMessage(message: unknown): void;
  /** Messages wait until the port is started. */
  start(): void;
  close(): void;
}

/**
 * An RpcPort over a port that wraps its messages in events; `listen` is how that port takes a
 * listener ('close': the other end went away; Electron adds it to both kinds of port). Starts the port.
 */
export function unwrappingPort(port: EventCarryingPort, listen: (event: 'message' | 'close', listener: (event?: { data: unknown }) => void) => void): RpcPort & { close(): void } {
  const unwrapped = {
    postMessage: (message: unknown) => port.postMessage(message),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      listen(event, event === 'message' ? (carried) => listener(carried?.data) : () => listener());
    },
    close: () => port.close(),
  };
  port.start();
  return unwrapped;
}
