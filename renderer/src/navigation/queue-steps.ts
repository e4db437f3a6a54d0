import type { BatchSummary } from '../../../shared/contract/methods';
import type { QueueItem } from '../../../shared/domain/submission';

/** The next submission without a decision after the open one, wrapping round the queue; null when all are decided. */
export function nextUndecided(queue: readonly QueueItem[], openId: string | null): string | null {
  const index = queue.findIndex((item) => item.submissionId === openId);
  return [...queue.slice(index + 1), ...queue.slice(0, index + 1)].find((item) => item.outcome === null)?.submissionId ?? null;
}

/** The submission one row down (1) or up (-1) from the open one, stopping at the ends; the first row when none is open. */
export function stepFrom(queue: readonly QueueItem[], openId: string | null, direction: 1 | -1): string | null {
  if (queue.length === 0) return null;
  const index = queue.findIndex((item) => item.submissionId === openId);
  return queue[Math.max(0, Math.min(queue.length - 1, index + direction))]?.submissionId ?? null;
}

/** How many submissions of a batch wait for a decision (not started, being scored, or scored). */
export function undecidedIn(batch: BatchSummary): number {
  return (batch.counts.not_started ?? 0) + (batch.counts.in_progress ?? 0) + (batch.counts.scored ?? 0);
}

/** The other batches an assessor can still decide in (a lead's review batches are not theirs to decide). */
export function otherBatchesToDecide(batches: readonly BatchSummary[], shownId: string | null): BatchSummary[] {
  // The demo is practice: never where real work is said to wait.
  return batches.filter((batch) => batch.id !== shownId && batch.kind !== 'review' && !batch.isDemo && undecidedIn(batch) > 0);
}

/** Whether the open submission is one the assessor is working on: in this queue and not yet decided. */
export function isMidScoring(queue: readonly QueueItem[], openId: string | null): boolean {
  return openId !== null && queue.some((item) => item.submissionId === openId && item.outcome === null);
}
