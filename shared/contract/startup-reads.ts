import type { ContractClient } from './client';
import { events } from './events';
import type { EventName } from './events';
import type { MethodName } from './methods';

/** The reads every start makes, all without input. */
type StartupRead = 'workspace.summary' | 'session.get' | 'sync.status' | 'preferences.get';

/**
 * Sends the reads every start makes before React's first render rather than after it, so their
 * answers arrive while the first frame is being built. Each answer goes once, to the first caller
 * of its method; an event before then means it may be out of date, and that caller asks again.
 */
export function withStartupReads(client: ContractClient, reads: readonly StartupRead[]): ContractClient {
  const early = new Map<MethodName, ReturnType<ContractClient['invoke']>>(reads.map((method) => [method, client.invoke(method, {})]));
  const unsubscribers = (Object.keys(events) as EventName[]).map((event) => client.subscribe(event, () => forgetAll()));
  const forgetAll = (): void => {
    early.clear();
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  };
  return {
    invoke(method, input) {
      const answer = early.get(method);
      if (!answer || Object.keys(input).length > 0) return client.invoke(method, input);
      early.delete(method);
      if (early.size === 0) forgetAll();
      return answer as ReturnType<typeof client.invoke<typeof method>>;
    },
    subscribe: (event, listener) => client.subscribe(event, listener),
  };
}
