import { parseRpcMessage } from './messages';
import type { RpcErrorShape, RpcMessage, RpcReply } from './messages';
import type { RpcPort } from './port';

/**
 * One side's API: the methods it answers and the events it sends. Declare each with `type`, not
 * `interface` (an interface has no index signature, so it does not fit these maps).
 */
export interface RpcApi {
  methods: { [name: string]: { input: unknown; output: unknown } };
  events: { [name: string]: unknown };
}

/** Nothing answered, nothing sent: the API of a side that only calls (a page) or only answers. */
export type NoApi = { methods: Record<never, never>; events: Record<never, never> };

type MethodName<A extends RpcApi> = keyof A['methods'] & string;
type EventName<A extends RpcApi> = keyof A['events'] & string;

/** How a side answers its methods: a value (or a promise of one), or a throw that becomes the caller's RpcError. */
export type RpcHandlers<A extends RpcApi> = {
  [N in MethodName<A>]: (input: A['methods'][N]['input']) => A['methods'][N]['output'] | Promise<A['methods'][N]['output']>;
};

/** The codes the RPC itself answers with; handlers may throw RpcErrors with codes of their own. */
export const rpcErrorCodes = {
  /** The port closed (or this side closed it) before the answer came. */
  closed: 'rpc_closed',
  /** The other side answers no method by that name. */
  unknownMethod: 'unknown_method',
  /** The handler threw something that was not an RpcError, or the message could not be sent. */
  failed: 'rpc_failed',
} as const;

/** A call that failed: the other side's error, or the RPC's own (see rpcErrorCodes). */
export class RpcError extends Error implements RpcErrorShape {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export interface RpcPeer<Local extends RpcApi, Remote extends RpcApi> {
  /** Calls the other side; rejects with an RpcError when it answers with one or the port closes first. */
  call<N extends MethodName<Remote>>(method: N, input: Remote['methods'][N]['input']): Promise<Remote['methods'][N]['output']>;
  /** Tells the other side something; nothing answers. Dropped once closed. */
  emit<E extends EventName<Local>>(event: E, payload: Local['events'][E]): void;
  /** Hears one of the other side's events until the returned function is called. */
  on<E extends EventName<Remote>>(event: E, listener: (payload: Remote['events'][E]) => void): () => void;
  /** Hears once that the peer closed, whichever side closed it. */
  onClose(listener: () => void): void;
  /** Fails every pending call and closes the port when it can be closed. */
  close(): void;
}

export interface RpcOptions<Local extends RpcApi> {
  serve: RpcHandlers<Local>;
  /** Hears what the peer refused or could not do (a malformed message, a reply nobody waits for, a throwing listener); the peer carries on. */
  report?: (problem: string) => void;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Typed request/reply with events over one port. Each call gets its own id, so concurrent calls never
 * take each other's answers; a call still waiting when the port closes fails at once rather than
 * waiting forever.
 */
export function connectRpc<Local extends RpcApi, Remote extends RpcApi>(port: RpcPort & { close?(): void }, options: RpcOptions<Local>): RpcPeer<Local, Remote> {
  const report = options.report ?? (() => undefined);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: RpcError) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const closeListeners: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  const send = (message: RpcMessage): void => port.postMessage(message);

  const shutDown = (): void => {
    if (closed) return;
    closed = true;
    const waiting = [...pending.values()];
    pending.clear();
    for (const call of waiting) call.reject(new RpcError(rpcErrorCodes.closed, 'The other side of the connection went away before it answered.'));
    for (const listener of closeListeners.splice(0)) listener();
  };

  const answer = async (id: number, method: string, input: unknown): Promise<void> => {
    let reply: RpcReply;
    if (!Object.prototype.hasOwnProperty.call(options.serve, method)) {
      reply = { rpc: 'reply', id, ok: false, error: { code: rpcErrorCodes.unknownMethod, message: `No method ${method} here.` } };
    } else {
      try {
        const handler = (options.serve as Record<string, (input: unknown) => unknown>)[method]!;
        reply = { rpc: 'reply', id, ok: true, value: await handler(input) };
      } catch (error) {
        reply = { rpc: 'reply', id, ok: false, error: error instanceof RpcError ? { code: error.code, message: error.message } : { code: rpcErrorCodes.failed, message: describe(error) } };
      }
    }
    if (closed) return;
    try {
      send(reply);
    } catch (error) {
      // The value could not be sent (it could not be copied, say): the caller still hears why.
      try {
        send({ rpc: 'reply', id, ok: false, error: { code: rpcErrorCodes.failed, message: `The answer to ${method} could not be sent: ${describe(error)}` } });
      } catch {
        report(`could not answer ${method}: ${describe(error)}`);
      }
    }
  };

  const settle = (reply: RpcReply): void => {
    const call = pending.get(reply.id);
    if (!call) return report(`refused a reply to call ${reply.id}, which is not waiting`);
    pending.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(new RpcError(reply.error.code, reply.error.message));
  };

  const dispatch = (event: string, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        report(`a listener of ${event} failed: ${describe(error)}`);
      }
    }
  };

  port.on('message', (raw) => {
    if (closed) return;
    const message = parseRpcMessage(raw);
    if (!message) return report('refused a message that is not an RPC message');
    if (message.rpc === 'call') void answer(message.id, message.method, message.input);
    else if (message.rpc === 'reply') settle(message);
    else dispatch(message.event, message.payload);
  });
  port.on('close', shutDown);

  return {
    call(method, input) {
      if (closed) return Promise.reject(new RpcError(rpcErrorCodes.closed, 'The connection is closed.'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          send({ rpc: 'call', id, method, input });
        } catch (error) {
          pending.delete(id);
          reject(new RpcError(rpcErrorCodes.failed, `The call to ${method} could not be sent: ${describe(error)}`));
        }
      });
    },
    emit(event, payload) {
      if (!closed) send({ rpc: 'event', event, payload });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
        if (set.size === 0) listeners.delete(event);
      };
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
    close() {
      shutDown();
      port.close?.();
    },
  };
}
