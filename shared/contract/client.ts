import { describeIssues, fail, ResultEnvelope } from './result';
import type { Result } from './result';
import { events, isEventName } from './events';
import type { EventName, EventPayload } from './events';
import { methods } from './methods';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What a host provides: the desktop preload's port to core, or the preview host's WebSocket (both speak shared/rpc). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface ContractClient {
  invoke<N extends MethodName>(method: N, input: MethodInput<N>): Promise<Result<MethodOutput<N>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Typed client over any transport; every reply and event is validated before the UI sees it. */
export function createContractClient(transport: Transport): ContractClient {
  return {
    async invoke(method, input) {
      let raw: unknown;
      try {
        raw = await transport.invoke(method, input);
      } catch (error) {
        return fail('unavailable', error instanceof Error ? error.message : 'The workstation core is not reachable.');
      }
      const envelope = ResultEnvelope.safeParse(raw);
      if (!envelope.success) return fail('invalid_output', `Malformed reply to ${method}.`);
      if (!envelope.data.ok) return envelope.data;
      const value = methods[method].output.safeParse(envelope.data.value);
      if (!value.success) return fail('invalid_output', `Reply to ${method} failed validation: ${describeIssues(value.error)}`);
      return { ok: true, value: value.data as MethodOutput<typeof method> };
    },
    subscribe(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
