import type { Db } from '../../db/database';
import { acknowledge, beginAttempt, listDue, markConflict, replacePayload, scheduleRetry } from '../../repositories/outbox';
import type { OutboxEntry } from '../../repositories/outbox';
import { decisionKind } from '../../repositories/outbox-kinds';
import { noteRefusedEntry } from '../../repositories/notices';
import type { ApiFailure, ApiResult, HostedApiClient } from '../api-client';
import { mapConcurrently } from '../concurrently';
import { defaultBackoff, retryDelayMs } from './backoff';
import type { BackoffPolicy } from './backoff';
import type { OutboxJob, OutboxJobs } from './job';

export interface DrainOptions {
  db: Db;
  client: HostedApiClient;
  jobs: OutboxJobs;
  now: () => Date;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Entries in flight at once. */
  concurrency?: number;
  /** Entries about to leave for the first time: from now on they cannot be undone. */
  onLeaving?: (entries: SettledEntry[]) => void;
  /** While this machine's clock is off, puts a time it stated on the server's clock (see ServerClock). */
  serverTime?: ((at: string) => string) | null;
}

/** An entry that left or reached an end, and where the assessor sees it. */
export interface SettledEntry {
  kind: string;
  entityId: string;
  shownIn: OutboxJob<unknown>['shownIn'];
}

export interface DrainReport {
  acknowledged: number;
  conflicts: number;
  retrying: number;
  /** The server said we are not signed in (any more): stop until the session is renewed. */
  unauthorized: boolean;
  /** Entries that reached an end (acknowledged or refused): what the assessor sees of them changed. */
  settled: SettledEntry[];
}

type Outcome = { entry: OutboxEntry; result: ApiResult<unknown> | 'invalid_local_payload' };

/** Why the server's refusal ends an entry, as the conflict list records it. */
function refusalOf(failure: ApiFailure): string | null {
  if (failure.kind === 'conflict') return failure.reason;
  if (failure.kind === 'invalid') return 'rejected_as_invalid';
  if (failure.kind === 'too_large') return 'too_large';
  if (failure.kind === 'refused') return `refused_${failure.code}`;
  if (failure.kind === 'not_found') return 'submission_not_found';
  return null;
}

/**
 * Sends every due outbox entry once. Each goes with its stable idempotency key, so a retry after a
 * lost reply is recognised by the server and never recorded twice; an acknowledgement settles the
 * entry exactly once. What an entry is and how it is sent is its job's (see job.ts).
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainReport> {
  const { db, jobs, now } = options;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? defaultBackoff;
  const report: DrainReport = { acknowledged: 0, conflicts: 0, retrying: 0, unauthorized: false, settled: [] };
  const shown = (entry: OutboxEntry): SettledEntry => ({ kind: entry.kind, entityId: entry.entityId, shownIn: jobs.of(entry.kind)?.shownIn ?? 'nowhere' });

  const send = async (entry: OutboxEntry): Promise<Outcome | null> => {
    if (report.unauthorized) return null;
    const job = jobs.of(entry.kind);
    const payload = job?.payload.safeParse(entry.payload);
    if (!job || !payload?.success) return { entry, result: 'invalid_local_payload' };
    const result = await job.send(payload.data, { db, client: options.client, idempotencyKey: entry.idempotencyKey });
    if (!result.ok && result.failure.kind === 'unauthorized') report.unauthorized = true;
    return { entry, result };
  };

  const settle = ({ entry, result }: Outcome): void => {
    if (result === 'invalid_local_payload' || !result.ok) {
      const refusal = result === 'invalid_local_payload' ? result : refusalOf(result.failure);
      if (refusal !== null) {
        markConflict(db, entry.id, refusal);
        // A decision's refusal is the assessor's to settle (the conflicts); anything else is told once.
        if (entry.kind !== decisionKind) noteRefusedEntry(db, entry, refusal, now().toISOString());
        report.conflicts += 1;
        report.settled.push(shown(entry));
      } else if (result !== 'invalid_local_payload' && result.failure.kind !== 'unauthorized') {
        // Unauthorized stays pending, untouched, until the session is renewed; anything else is tried again later.
        const { failure } = result;
        const retryAfter = failure.kind === 'throttled' ? failure.retryAfterMs : 0;
        const at = new Date(now().getTime() + retryDelayMs(entry.attempts, backoff, random, retryAfter)).toISOString();
        scheduleRetry(db, entry.id, at, failure.kind === 'throttled' ? 'throttled' : `${failure.kind}: ${'message' in failure ? failure.message : ''}`);
        report.retrying += 1;
      }
      return;
    }
    const job = jobs.of(entry.kind);
    const at = now().toISOString();
    if (!acknowledge(db, entry.id, at, job?.keepsPayloadUntilSynced ?? false)) return;
    report.acknowledged += 1;
    report.settled.push(shown(entry));
    job?.acknowledged?.(db, { entityId: entry.entityId, answer: result.value, at });
  };

  /** Counts the attempt before anything leaves (none can be undone once it may have reached the server). */
  const begin = (entry: OutboxEntry): boolean => {
    if (!beginAttempt(db, entry.id)) return false;
    // Times are put on the server's clock once, as the entry first leaves: every resend is then the same request.
    const job = jobs.of(entry.kind);
    const stated = options.serverTime;
    if (entry.attempts === 0 && stated && job?.restate) {
      const parsed = job.payload.safeParse(entry.payload);
      if (parsed.success) {
        entry.payload = job.restate(parsed.data, stated);
        replacePayload(db, entry.id, entry.payload);
      }
    }
    return true;
  };

  // Entries go in groups: one transaction counts the group's attempts, one records how each ended.
  // An acknowledgement lost to a crash between the two is harmless: the resend replays the first answer.
  const due = listDue(db, now().toISOString(), 10_000);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const groupSize = concurrency * 16;
  for (let start = 0; start < due.length && !report.unauthorized; start += groupSize) {
    const group = db.transaction(() => due.slice(start, start + groupSize).filter(begin))();
    const firstAttempts = group.filter((entry) => entry.attempts === 0);
    if (firstAttempts.length > 0) options.onLeaving?.(firstAttempts.map(shown));
    const outcomes = await mapConcurrently(group, concurrency, send);
    db.transaction(() => outcomes.forEach((outcome) => outcome && settle(outcome)))();
  }
  return report;
}
