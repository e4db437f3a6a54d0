import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseMutationResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import { useClient } from '../client-context';
import { callCore } from './contract-reads';
import type { ContractError } from './contract-reads';

/**
 * A write to core and what its answer changes in the one cache. The cache is touched here and only
 * here (never by a view): a method that answers with a read's new value keeps it, others say which
 * reads to read again; what core changes by itself arrives as its events (core-events).
 */
export interface ContractMutation<N extends MethodName> {
  readonly method: N;
  /** What is shown at once, before core answers (a setting the screen follows while it is saved). */
  readonly onSend?: (queries: QueryClient, input: MethodInput<N>) => void;
  /** What the answer changes; a promise returned is waited for before the caller hears of success. */
  readonly onAnswer?: (queries: QueryClient, output: MethodOutput<N>, input: MethodInput<N>) => unknown;
  /** What a refusal may have changed all the same (core's state moved on meanwhile). */
  readonly onRefused?: (queries: QueryClient, input: MethodInput<N>) => unknown;
}

export function defineMutation<N extends MethodName>(method: N, effects: Omit<ContractMutation<N>, 'method'> = {}): ContractMutation<N> {
  return { method, ...effects };
}

export type ContractMutationResult<N extends MethodName> = UseMutationResult<MethodOutput<N>, ContractError, MethodInput<N>>;

/**
 * A write from a view: `isPending` while it runs (so a button is not pressed twice), and a refusal
 * as a `ContractError` with core's stable code. `mutateAsync` resolves once the cache has followed.
 */
export function useContractMutation<N extends MethodName>(mutation: ContractMutation<N>): ContractMutationResult<N> {
  const client = useClient();
  const queries = useQueryClient();
  return useMutation<MethodOutput<N>, ContractError, MethodInput<N>>({
    onMutate: (input) => mutation.onSend?.(queries, input),
    mutationFn: (input) => callCore(client, mutation.method, input),
    onSuccess: (output, input) => mutation.onAnswer?.(queries, output, input),
    onError: (_error, input) => mutation.onRefused?.(queries, input),
  });
}
