import { DecisionPayload } from '../../../shared/domain/decision';
import type { Db } from '../db/database';
import { acknowledge, beginAttempt, listDue, markConflict, scheduleRetry } from '../repositories/outbox';
import type { OutboxEntry } from '../repositories/outbox';
import type { ApiFailure, HostedApiClient } from './api-client';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 5 * 60_000 };

/**
 * Exponential backoff with full jitter: a random wait between 0 and base·2^attempt (capped), so a
 * fleet of workstations coming back online does not retry in lockstep. A server's Retry-After is a floor.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempts, 30));
  return Math.max(retryAfterMs, Math.floor(random() * ceiling));
}

export interface DrainOptions {
  db: Db;
  client: HostedApiClient;
  now?: () => Date;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Decisions in flight at once. */
  concurrency?: number;
}

export interface DrainReport {
  acknowledged: number;
  conflicts: number;
  retrying: number;
  /** The server said we are not signed in (any more): stop until the session is renewed. */
  unauthorized: boolean;
}

/**
 * Sends every due outbox entry once. Each decision goes with its stable idempotency key, so a
 * retry after a lost reply is recognised by the server and never recorded twice; an
 * acknowledgement removes the entry from the queue exactly once.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainReport> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? defaultBackoff;
  const report: DrainReport = { acknowledged: 0, conflicts: 0, retrying: 0, unauthorized: false };
  const due = listDue(options.db, now().toISOString(), 10_000);

  const send = async (entry: OutboxEntry): Promise<void> => {
    if (report.unauthorized) return;
    const payload = DecisionPayload.safeParse(entry.payload);
    if (entry.kind !== 'decision' || !payload.success) {
      markConflict(options.db, entry.id, 'invalid_local_payload');
      report.conflicts += 1;
      return;
    }
    const { submissionId, ...decision } = payload.data;
    // An undo that won the race withdrew it: nothing to send.
    if (!beginAttempt(options.db, entry.id)) return;
    const result = await options.client.decide(submissionId, entry.idempotencyKey, decision);
    if (result.ok) {
      if (acknowledge(options.db, entry.id, now().toISOString())) report.acknowledged += 1;
      return;
    }
    settleFailure(entry, result.failure);
  };

  const settleFailure = (entry: OutboxEntry, failure: ApiFailure): void => {
    switch (failure.kind) {
      case 'conflict':
        markConflict(options.db, entry.id, failure.reason);
        report.conflicts += 1;
        return;
      case 'invalid':
      case 'not_found':
        markConflict(options.db, entry.id, failure.kind === 'invalid' ? 'rejected_as_invalid' : 'submission_not_found');
        report.conflicts += 1;
        return;
      case 'unauthorized':
        report.unauthorized = true;
        return;
      default: {
        const retryAfter = failure.kind === 'throttled' ? failure.retryAfterMs : 0;
        const at = new Date(now().getTime() + retryDelayMs(entry.attempts, backoff, random, retryAfter)).toISOString();
        scheduleRetry(options.db, entry.id, at, failure.kind === 'throttled' ? 'throttled' : `${failure.kind}: ${'message' in failure ? failure.message : ''}`);
        report.retrying += 1;
      }
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < due.length && !report.unauthorized) {
      const entry = due[next++]!;
      await send(entry);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return report;
}
