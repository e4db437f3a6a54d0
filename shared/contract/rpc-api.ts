import type { Transport } from './client';
import type { Result } from './result';
import type { NoApi, RpcPeer } from '../rpc/peer';

/**
 * What core answers a renderer over the RPC (the desktop's MessagePort, the preview's WebSocket):
 * any contract method by name, validated by core; and every contract event, by its own name,
 * validated by the renderer's contract client.
 */
export type ContractOverRpc = {
  methods: { invoke: { input: { method: string; input: unknown }; output: Result<unknown> } };
  events: { [event: string]: unknown };
};

/** The contract client's transport over an RPC peer connected to core, once there is one. */
export function transportOverRpc(connection: Promise<RpcPeer<NoApi, ContractOverRpc>>): Transport {
  return {
    invoke: async (method, input) => (await connection).call('invoke', { method, input }),
    subscribe(event, listener) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void connection.then((peer) => {
        if (!stopped) stop = peer.on(event, listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
