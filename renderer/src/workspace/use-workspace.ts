import { useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/contract/methods';
import type { QueueItem } from '../../../shared/domain/submission';
import type { ContractErrorShape } from '../../../shared/contract/result';
import { useClient } from '../client-context';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: ContractErrorShape };

export function useWorkspaceSummary(): Loadable<WorkspaceSummary> {
  const client = useClient();
  const [summary, setSummary] = useState<Loadable<WorkspaceSummary>>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const load = (): void => {
      void client.invoke('workspace.summary', {}).then((result) => {
        if (!cancelled) setSummary(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
      });
    };
    load();
    const unsubscribers = [client.subscribe('queue.changed', load), client.subscribe('workspace.changed', load)];
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [client]);
  return summary;
}

/** The batch's queue, kept current by `queue.changed` events (a row is patched, not refetched). */
export function useQueue(batchId: string | null): Loadable<QueueItem[]> {
  const client = useClient();
  const [queue, setQueue] = useState<Loadable<QueueItem[]>>({ state: 'loading' });
  useEffect(() => {
    if (!batchId) return;
    let cancelled = false;
    const load = (): void => {
      void client.invoke('queue.list', { batchId }).then((result) => {
        if (cancelled) return;
        setQueue(result.ok ? { state: 'ready', value: result.value.items } : { state: 'error', error: result.error });
      });
    };
    load();
    // Downloads finishing or decisions syncing change rows in bulk: reload the list.
    const unsubscribeWorkspace = client.subscribe('workspace.changed', load);
    const unsubscribe = client.subscribe('queue.changed', (change) => {
      if (change.batchId !== batchId) return;
      setQueue((current) =>
        current.state === 'ready'
          ? {
              state: 'ready',
              value: current.value.map((item) => (item.submissionId === change.submissionId ? { ...item, status: change.status } : item)),
            }
          : current,
      );
    });
    return () => {
      cancelled = true;
      unsubscribe();
      unsubscribeWorkspace();
    };
  }, [client, batchId]);
  return queue;
}
