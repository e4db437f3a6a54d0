// What travels on an RPC port. A message that is not one of these is refused, never guessed at.

/** Why a call failed, as the caller sees it: a stable code and a human message. */
export interface RpcErrorShape {
  code: string;
  message: string;
}

export type RpcCall = { rpc: 'call'; id: number; method: string; input: unknown };
export type RpcReply = { rpc: 'reply'; id: number; ok: true; value: unknown } | { rpc: 'reply'; id: number; ok: false; error: RpcErrorShape };
/** A notification: no id, no reply. */
export type RpcEvent = { rpc: 'event'; event: string; payload: unknown };
export type RpcMessage = RpcCall | RpcReply | RpcEvent;

/** Longer names are refused: no method or event of the workstation comes near this. */
const maxNameLength = 100;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= maxNameLength;
const isErrorShape = (value: unknown): value is RpcErrorShape => isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';

/** The message, or null when it is none of the RPC's own (it is then refused). */
export function parseRpcMessage(message: unknown): RpcMessage | null {
  if (!isRecord(message)) return null;
  switch (message.rpc) {
    case 'call':
      return isId(message.id) && isName(message.method) ? { rpc: 'call', id: message.id, method: message.method, input: message.input } : null;
    case 'reply':
      if (!isId(message.id)) return null;
      if (message.ok === true) return { rpc: 'reply', id: message.id, ok: true, value: message.value };
      return message.ok === false && isErrorShape(message.error) ? { rpc: 'reply', id: message.id, ok: false, error: { code: message.error.code, message: message.error.message } } : null;
    case 'event':
      return isName(message.event) ? { rpc: 'event', event: message.event, payload: message.payload } : null;
    default:
      return null;
  }
}
