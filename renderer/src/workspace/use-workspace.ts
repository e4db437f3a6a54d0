import type { WorkspaceSummary } from '../../../shared/contract/methods';
import type { QueueItem } from '../../../shared/domain/submission';
import { useContractQuery } from '../data/contract-query';
import type { Loadable } from '../data/contract-query';

export function useWorkspaceSummary(): Loadable<WorkspaceSummary> {
  return useContractQuery('workspace.summary', {});
}

/** The batch's queue: read once, its rows patched by the assessor's own edits and read again when sync changes them. */
export function useQueue(batchId: string | null): Loadable<QueueItem[]> {
  const queue = useContractQuery('queue.list', { batchId: batchId ?? '' }, { enabled: batchId !== null });
  return queue.state === 'ready' ? { state: 'ready', value: queue.value.items } : queue;
}
