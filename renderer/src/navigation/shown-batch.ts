import type { BatchSummary } from '../../../shared/contract/methods';

/** The batch the queue shows: the one chosen, else the newest claimed one, else the demo. */
export function shownBatch(batches: readonly BatchSummary[], chosenId: string | null): BatchSummary | null {
  return batches.find((candidate) => candidate.id === chosenId) ?? batches.findLast((candidate) => !candidate.isDemo) ?? batches[0] ?? null;
}

/** The first batch with a lease in trouble (expired, taken back or due soon), for the lease warning to show. */
export function troubledBatch(batches: readonly BatchSummary[]): BatchSummary | null {
  return batches.find((candidate) => candidate.leases.expired + candidate.leases.reassigned + candidate.leases.dueSoon > 0) ?? null;
}
