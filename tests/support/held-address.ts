import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback address a test holds for the whole life of a server that it stops and starts again:
 * clients keep the one URL they were given, each new start of the server listens on any free port
 * behind it, and no other process can take the port in between (as one could take a port given
 * back to the system and asked for again). While nothing is behind it, every connection is reset
 * and open ones are cut, which is what a client sees of a server that is gone.
 */
export interface HeldAddress {
  port: number;
  url: string;
  /** Sends new connections to the server listening on `port`; `null` when it has gone. */
  forwardTo(port: number | null): void;
  close(): Promise<void>;
}

export async function holdAddress(): Promise<HeldAddress> {
  let target: number | null = null;
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const cut = (pair: { client: Socket; upstream: Socket }): void => {
    pairs.delete(pair);
    pair.upstream.destroy();
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
  };
  const server = createServer((client) => {
    if (target === null) {
      client.resetAndDestroy();
      return;
    }
    const pair = { client, upstream: connect(target, '127.0.0.1') };
    pairs.add(pair);
    client.on('error', () => cut(pair));
    pair.upstream.on('error', () => cut(pair));
    client.on('close', () => pairs.delete(pair));
    client.pipe(pair.upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    forwardTo(next) {
      target = next;
      if (next === null) for (const pair of [...pairs]) cut(pair);
    },
    close: async () => {
      target = null;
      for (const pair of [...pairs]) cut(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
