import { unwrappingPort } from '../../../shared/rpc/port';
import type { RpcPort } from '../../../shared/rpc/port';
import { rendererPortHandover } from '../../hosts-shared/core-rpc';

/** A port Electron transferred to this process (a MessagePortMain), as far as core needs it. */
export interface TransferredPort {
  postMessage(message: unknown): void;
  /** 'message' listeners get `{ data }`; 'close' ones nothing. */
  on(event: 'message' | 'close', listener: (event?: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

/** The utility process's `process.parentPort`: its messages arrive as events, with any ports transferred along. */
export interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: TransferredPort[] }) => void): unknown;
}

/** A transferred port as an RpcPort (its messages wait until it is started). */
export const rpcPortOf = (port: TransferredPort): RpcPort & { close(): void } => unwrappingPort(port, (event, listener) => port.on(event, listener));

/**
 * Splits the port to main in two: the RPC with main, and the renderer ports main hands over (a
 * message of their own, carrying the port). Main's port never closes: this process ends with main.
 */
export function splitParentPort(parentPort: ParentPort, onRendererPort: (port: TransferredPort) => void): RpcPort {
  const listeners: ((message: unknown) => void)[] = [];
  parentPort.on('message', ({ data, ports }) => {
    if (data === rendererPortHandover) ports.forEach(onRendererPort);
    else for (const listener of listeners) listener(data);
  });
  return {
    postMessage: (message) => parentPort.postMessage(message),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      if (event === 'message') listeners.push(listener);
    },
  };
}
