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

/** A port whose 'message' listener is handed an event carrying the message as `data` (Electron's MessagePortMain and parentPort). */
export interface EventCarryingPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/**
 * An RpcPort over a port that wraps its messages in events. `onClose` is how that port says its other
 * end went away (Electron's parentPort never does: the process ends with it).
 */
export function unwrappingPort(port: EventCarryingPort, onClose: (listener: () => void) => void): RpcPort {
  return {
    postMessage: (message) => port.postMessage(message),
    on(event: 'message' | 'close', listener: ((message: unknown) => void) | (() => void)) {
      if (event === 'message') port.on('message', ({ data }) => listener(data));
      else onClose(listener as () => void);
    },
  };
}
