import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ContractErrorShape } from '../../../shared/contract/result';
import { useClient } from '../client-context';
import { callCore, failureOf, queryKeyOf } from './contract-reads';

/** What a screen shows of a read: waiting, the answer, or why there is none. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ContractErrorShape };

/**
 * A read that failed when read again keeps what it showed: a screen does not give way to an error
 * (and take with it what is being written there, a lead's verdicts, say) because a background read
 * failed; the next change reads it again. A first read that fails shows why.
 */
export function toLoadable<T>(query: UseQueryResult<T>): Loadable<T> {
  if (query.isSuccess) return { state: 'ready', value: query.data };
  if (query.isError && query.data !== undefined) return { state: 'ready', value: query.data };
  if (query.isError) return { state: 'error', error: failureOf(query.error) };
  return { state: 'loading' };
}

/**
 * A read from core, kept in the one cache and read again only when core's events say it changed
 * (see core-events). `enabled: false` waits (no input yet).
 */
export function useContractQuery<N extends MethodName>(method: N, input: MethodInput<N>, options: { enabled?: boolean } = {}): Loadable<MethodOutput<N>> {
  const client = useClient();
  return toLoadable(useQuery({ queryKey: queryKeyOf(method, input), queryFn: () => callCore(client, method, input), enabled: options.enabled ?? true }));
}
