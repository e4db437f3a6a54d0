import type { ContractOverRpc } from '../../../shared/contract/rpc-api';
import { fail } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { connectRpc } from '../../../shared/rpc/peer';
import type { NoApi } from '../../../shared/rpc/peer';
import type { RpcPort } from '../../../shared/rpc/port';
import type { Logger } from '../platform/log';
import type { Core } from '../app/service';

/** A core that could not start (its database unreadable, say) answers every call with why, instead of leaving it waiting. */
const notStarted = (error: unknown): Result<unknown> => fail('unavailable', `The workstation core could not start: ${error instanceof Error ? error.message : String(error)}`);

/**
 * Serves the contract to one renderer over its own port: its calls, validated by core, and every
 * event core emits, until the port closes (the window closed or reloaded). Calls that arrive before
 * core has started wait for it.
 */
export function serveContract(port: RpcPort & { close?(): void }, started: Promise<Core>, logger: Logger): void {
  const peer = connectRpc<ContractOverRpc, NoApi>(port, {
    serve: {
      invoke: ({ method, input }) => {
        if (typeof method !== 'string' || method.length > 100) return fail('invalid_input', 'Method name must be a short string.');
        return started.then((core) => core.invokeAsync(method, input), notStarted);
      },
    },
    report: (problem) => logger.error(`a renderer's port ${problem}`),
  });
  void started.then(
    (core) => {
      const unsubscribe = core.subscribe((event, payload) => peer.emit(event, payload));
      peer.onClose(unsubscribe);
    },
    () => undefined,
  );
}
