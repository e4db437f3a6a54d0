import type { QueryClient } from '@tanstack/react-query';
import type { ContractClient } from '../../../shared/contract/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ContractErrorShape } from '../../../shared/contract/result';

// Calls to core as the query layer sees them (no React here: the event bridge and tests use it too).

/** A contract call that answered with an error: its stable code and core's message. */
export class ContractError extends Error {
  constructor(readonly shape: ContractErrorShape) {
    super(shape.message);
  }
}

/** Why a call failed, as core said it (a failure that is not core's, such as a bug, as `internal`). */
export function failureOf(error: unknown): ContractErrorShape {
  return error instanceof ContractError ? error.shape : { code: 'internal', message: String(error) };
}

/** A read's place in the cache: the method and its input, so core's events can name what to read again. */
export function queryKeyOf<N extends MethodName>(method: N, input: MethodInput<N>): readonly [N, MethodInput<N>] {
  return [method, input];
}

/** One contract call, its error thrown (the query layer's way of saying a read or a write failed). */
export async function callCore<N extends MethodName>(client: ContractClient, method: N, input: MethodInput<N>): Promise<MethodOutput<N>> {
  const result = await client.invoke(method, input);
  if (!result.ok) throw new ContractError(result.error);
  return result.value;
}

/** Starts a read before anything shows it (the start's reads leave before React's first render). */
export function prefetchFromCore<N extends MethodName>(queries: QueryClient, client: ContractClient, method: N, input: MethodInput<N>): void {
  void queries.prefetchQuery({ queryKey: queryKeyOf(method, input), queryFn: () => callCore(client, method, input) });
}
