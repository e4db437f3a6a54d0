import type { QueryClient, QueryFilters } from '@tanstack/react-query';
import type { ContractClient } from '../../../shared/contract/client';
import type { EventPayload } from '../../../shared/contract/events';
import type { MethodName, MethodOutput, SyncStatus } from '../../../shared/contract/methods';
import { queryKeyOf } from './contract-reads';
import { keepSyncStatus, syncStatusKey } from './sync-status';

/**
 * Marks these reads out of date, and reads again those on screen. A read still on its way is
 * cancelled first: its answer may predate the change, and the query layer would otherwise take it
 * as the fresh one (a first read in flight is not refetched by invalidation alone).
 */
export function readAgain(queries: QueryClient, filters: QueryFilters): Promise<void> {
  return queries.cancelQueries(filters).then(() => queries.invalidateQueries(filters));
}

const signedIn = (status: SyncStatus | undefined): boolean | undefined => (status ? status.state !== 'signed_out' : undefined);

/**
 * An edit (here or in another window) changed one queue row: patched in place, and the batch counts
 * read again. A window showing that submission as undecided when it is decided now (or the other way:
 * undone in another window) reads it again, so it never offers to score what is decided. Only then:
 * reading it again on every edit's status (not started → in progress) replaced a comment being typed
 * with what was saved of it, and keys typed meanwhile were lost.
 */
function queueRowChanged(queries: QueryClient, change: EventPayload<'queue.changed'>): void {
  queries.setQueryData<MethodOutput<'queue.list'>>(queryKeyOf('queue.list', { batchId: change.batchId }), (current) =>
    current ? { items: current.items.map((item) => (item.submissionId === change.submissionId ? { ...item, status: change.status, outcome: change.outcome } : item)) } : current,
  );
  void readAgain(queries, { queryKey: ['workspace.summary'] });
  const detailKey = queryKeyOf('submission.open', { submissionId: change.submissionId });
  const shown = queries.getQueryData<MethodOutput<'submission.open'>>(detailKey);
  if (shown && (shown.decision !== null) !== (change.outcome !== null)) void readAgain(queries, { queryKey: detailKey });
}

/** The assessor's own reads of synced quality data: their standing, and the threads of what they referred. */
const assessorQualityReads: readonly MethodName[] = ['quality.status', 'referral.list'];

/** Sync, downloads or a claim changed something: only the reads that show it are read again. */
function workspaceChanged(queries: QueryClient, change: EventPayload<'workspace.changed'>, qualityReads: readonly MethodName[]): void {
  if (change.batches) {
    void readAgain(queries, { queryKey: ['workspace.summary'] });
    void readAgain(queries, { queryKey: ['queue.list'] });
  }
  if (change.submissions === 'all') void readAgain(queries, { queryKey: ['submission.open'] });
  else for (const submissionId of change.submissions) void readAgain(queries, { queryKey: queryKeyOf('submission.open', { submissionId }) });
  if (change.quality) for (const method of qualityReads) void readAgain(queries, { queryKey: [method] });
}

/** The sync status arrives whole; the session is read again when signing in or out changed it, the conflicts when their number did. */
function syncChanged(queries: QueryClient, status: SyncStatus): void {
  const previous = queries.getQueryData<SyncStatus>(syncStatusKey);
  if (previous && previous.revision > status.revision) return;
  keepSyncStatus(queries, status);
  if (signedIn(previous) !== signedIn(status) || status.state === 'signed_out') void readAgain(queries, { queryKey: ['session.get'] });
  if (previous?.conflicts !== status.conflicts) void readAgain(queries, { queryKey: ['sync.conflicts'] });
}

/**
 * Follows core's events into the cache for as long as the page lives; returns how to stop.
 * `leadViewReads`: what the lead's views show from synced quality data (lead/lead-views.tsx), read again
 * with the assessor's own when quality data arrives. Passed in rather than imported: the views' mutations
 * import this module, so importing the views here would close a loop.
 */
export function followCoreEvents(client: ContractClient, queries: QueryClient, leadViewReads: readonly MethodName[]): () => void {
  const qualityReads = [...new Set([...assessorQualityReads, ...leadViewReads])];
  const unsubscribers = [
    client.subscribe('queue.changed', (change) => queueRowChanged(queries, change)),
    client.subscribe('workspace.changed', (change) => workspaceChanged(queries, change, qualityReads)),
    client.subscribe('sync.changed', (status) => syncChanged(queries, status)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
