import { useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import type { ContractClient } from '../../../shared/contract/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ContractErrorShape } from '../../../shared/contract/result';
import { useClient } from '../client-context';

/** A contract call that answered with an error: its stable code and core's message. */
export class ContractError extends Error {
  constructor(readonly shape: ContractErrorShape) {
    super(shape.message);
  }
}

/** What a screen shows of a read: waiting, the answer, or why there is none. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ContractErrorShape };

/** A read's place in the cache: the method and its input, so core's events can name what to read again. */
export function queryKeyOf<N extends MethodName>(method: N, input: MethodInput<N>): readonly [N, MethodInput<N>] {
  return [method, input];
}

/** One contract call, its error thrown (the query layer's way of saying it failed). */
export async function readFromCore<N extends MethodName>(client: ContractClient, method: N, input: MethodInput<N>): Promise<MethodOutput<N>> {
  const result = await client.invoke(method, input);
  if (!result.ok) throw new ContractError(result.error);
  return result.value;
}

/** Starts a read before anything shows it (the start's reads leave before React's first render). */
export function prefetchFromCore<N extends MethodName>(queries: QueryClient, client: ContractClient, method: N, input: MethodInput<N>): void {
  void queries.prefetchQuery({ queryKey: queryKeyOf(method, input), queryFn: () => readFromCore(client, method, input) });
}

export function toLoadable<T>(query: UseQueryResult<T>): Loadable<T> {
  if (query.isSuccess) return { state: 'ready', value: query.data };
  if (query.isError) return { state: 'error', error: query.error instanceof ContractError ? query.error.shape : { code: 'internal', message: String(query.error) } };
  return { state: 'loading' };
}

/**
 * A read from core, kept in the one cache and read again only when core's events say it changed
 * (see core-events). `enabled: false` waits (no input yet).
 */
export function useContractQuery<N extends MethodName>(method: N, input: MethodInput<N>, options: { enabled?: boolean } = {}): Loadable<MethodOutput<N>> {
  const client = useClient();
  return toLoadable(useQuery({ queryKey: queryKeyOf(method, input), queryFn: () => readFromCore(client, method, input), enabled: options.enabled ?? true }));
}
