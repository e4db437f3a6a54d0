import type { WebSocket } from 'ws';
import type { RpcPort } from '../../shared/rpc/port';

/** A text frame's JSON, or undefined (a binary frame, text that is not JSON): the RPC refuses what it cannot read. */
function parsed(data: unknown, isBinary: boolean): unknown {
  if (isBinary || !Buffer.isBuffer(data)) return undefined;
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A page's WebSocket as an RPC port: each message one JSON text frame. */
export function socketPort(socket: WebSocket): RpcPort & { close(): void } {
  return {
    postMessage: (message) => socket.send(JSON.stringify(message)),
    on(event: 'message' | 'close', listener: (message?: unknown) => void) {
      if (event === 'message') socket.on('message', (data, isBinary) => listener(parsed(data, isBinary)));
      else socket.on('close', () => listener());
    },
    close: () => socket.close(),
  };
}
