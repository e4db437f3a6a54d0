import { z } from 'zod';
import { DecisionPayload, LeadNotePayload } from '../../../shared/domain/decision';
import type { Db } from '../db/database';
import { AuditUpload } from '../../../shared/hosted-api/audit';
import { citedEvidence } from '../../../shared/domain/cited-evidence';
import { ReferralCreate } from '../../../shared/hosted-api/referrals';
import { ReferralMessagePayload } from './referral-work';
import { AdjudicationResolutionRequest, CalibrationFeedback, LockoutLiftRequest } from '../../../shared/hosted-api/quality';
import { BackreadReviewRequest } from '../../../shared/hosted-api/backreading';
import { thisMachine } from '../repositories/audit';
import { calibrationSetOf } from '../repositories/batches';
import { saveCalibrationResult } from '../repositories/quality';
import { acknowledge, beginAttempt, listDue, markConflict, replacePayload, scheduleRetry } from '../repositories/outbox';
import type { OutboxEntry } from '../repositories/outbox';
import type { ApiFailure, HostedApiClient } from './api-client';

/** A lead's resolution of an adjudication, waiting in the outbox. */
const AdjudicationResolutionPayload = z.object({ submissionId: z.string(), resolution: AdjudicationResolutionRequest });
/** A lead's backreading of one decision, waiting in the outbox. */
const BackreadReviewPayload = z.object({ submissionId: z.string(), review: BackreadReviewRequest });

/** An entry's payload with the times this machine stated put through `stated` (a payload it cannot read is left as it is). */
function onServerClock(entry: OutboxEntry, stated: (at: string) => string): unknown {
  const payload = entry.payload as Record<string, unknown>;
  switch (entry.kind) {
    case 'decision': {
      const parsed = DecisionPayload.safeParse(payload);
      return parsed.success ? { ...parsed.data, decidedAt: stated(parsed.data.decidedAt), basedOn: parsed.data.basedOn === null ? null : stated(parsed.data.basedOn) } : payload;
    }
    case 'audit': {
      const parsed = AuditUpload.safeParse(payload);
      return parsed.success ? { changes: parsed.data.changes.map((change) => ({ ...change, at: stated(change.at) })) } : payload;
    }
    case 'referral': {
      const parsed = ReferralCreate.safeParse(payload);
      return parsed.success ? { ...parsed.data, at: stated(parsed.data.at) } : payload;
    }
    case 'referral_message': {
      const parsed = ReferralMessagePayload.safeParse(payload);
      return parsed.success ? { ...parsed.data, message: { ...parsed.data.message, at: stated(parsed.data.message.at) } } : payload;
    }
    default:
      return payload;
  }
}

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
  /** Entries about to leave for the first time: from now on they cannot be undone. */
  onLeaving?: (entries: { kind: string; entityId: string }[]) => void;
  /** While this machine's clock is off, puts a time it stated on the server's clock (see ServerClock). */
  serverTime?: ((at: string) => string) | null;
}

export interface DrainReport {
  acknowledged: number;
  conflicts: number;
  retrying: number;
  /** The server said we are not signed in (any more): stop until the session is renewed. */
  unauthorized: boolean;
  /** Entries that reached an end (acknowledged or refused): what the assessor sees of them changed. */
  settled: { kind: string; entityId: string }[];
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
  const stated = options.serverTime ?? null;
  const report: DrainReport = { acknowledged: 0, conflicts: 0, retrying: 0, unauthorized: false, settled: [] };
  const due = listDue(options.db, now().toISOString(), 10_000);

  type Answer = { ok: true; value: unknown } | { ok: false; failure: ApiFailure };
  type Outcome = { entry: OutboxEntry; result: Answer | 'invalid_local_payload' };

  /** Sends one entry by its kind; null when the entry is not one this version knows how to send. */
  const request = (entry: OutboxEntry): Promise<Answer> | null => {
    if (entry.kind === 'decision') {
      const payload = DecisionPayload.safeParse(entry.payload);
      if (!payload.success) return null;
      const { submissionId, ...decision } = payload.data;
      // Calibration work goes to its set as a response; the answer compares it with the master.
      const setId = calibrationSetOf(options.db, submissionId);
      if (setId) {
        const scores = decision.scores.map(({ criterionId, level, rationale }) => ({ criterionId, level, rationale }));
        const evidence = citedEvidence(decision.comments, scores.map((score) => score.criterionId));
        return options.client.respondToCalibration(setId, entry.idempotencyKey, { submissionId, scores, evidence, activeMs: decision.activeMs, respondedAt: decision.decidedAt });
      }
      // The machine goes with the decision: the server keeps it for an appeal (who decided, on which machine).
      return options.client.decide(submissionId, entry.idempotencyKey, { ...decision, machine: thisMachine(options.db) });
    }
    if (entry.kind === 'adjudication_resolution') {
      const payload = AdjudicationResolutionPayload.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.resolveAdjudication(payload.data.submissionId, entry.idempotencyKey, payload.data.resolution);
    }
    if (entry.kind === 'backread_review') {
      const payload = BackreadReviewPayload.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.reviewBackread(payload.data.submissionId, entry.idempotencyKey, payload.data.review);
    }
    if (entry.kind === 'lockout_lift') {
      const payload = LockoutLiftRequest.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.liftLockout(entry.idempotencyKey, payload.data);
    }
    if (entry.kind === 'referral') {
      const payload = ReferralCreate.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.refer(entry.idempotencyKey, payload.data);
    }
    if (entry.kind === 'referral_message') {
      const payload = ReferralMessagePayload.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.replyToReferral(payload.data.referralId, entry.idempotencyKey, payload.data.message);
    }
    if (entry.kind === 'audit') {
      const payload = AuditUpload.safeParse(entry.payload);
      if (!payload.success) return null;
      return options.client.uploadAudit(entry.idempotencyKey, payload.data);
    }
    if (entry.kind === 'lead_note') {
      const payload = LeadNotePayload.safeParse(entry.payload);
      if (!payload.success) return null;
      const { submissionId, ...decision } = payload.data.decision;
      return options.client.keepForLead(submissionId, entry.idempotencyKey, { reason: payload.data.reason, decision });
    }
    return null;
  };

  const send = async (entry: OutboxEntry): Promise<Outcome | null> => {
    if (report.unauthorized) return null;
    const pending = request(entry);
    if (!pending) return { entry, result: 'invalid_local_payload' };
    const result = await pending;
    if (!result.ok && result.failure.kind === 'unauthorized') report.unauthorized = true;
    return { entry, result };
  };

  const settle = ({ entry, result }: Outcome): void => {
    if (result === 'invalid_local_payload') {
      markConflict(options.db, entry.id, 'invalid_local_payload');
      report.conflicts += 1;
      report.settled.push({ kind: entry.kind, entityId: entry.entityId });
      return;
    }
    if (result.ok) {
      if (acknowledge(options.db, entry.id, now().toISOString())) {
        report.acknowledged += 1;
        report.settled.push({ kind: entry.kind, entityId: entry.entityId });
      }
      const feedback = entry.kind === 'decision' ? CalibrationFeedback.safeParse(result.value) : null;
      if (feedback?.success) saveCalibrationResult(options.db, entry.entityId, feedback.data, now().toISOString());
      return;
    }
    const failure: ApiFailure = result.failure;
    switch (failure.kind) {
      case 'conflict':
        markConflict(options.db, entry.id, failure.reason);
        report.conflicts += 1;
        report.settled.push({ kind: entry.kind, entityId: entry.entityId });
        return;
      case 'invalid':
      case 'not_found':
      case 'refused':
        markConflict(options.db, entry.id, failure.kind === 'invalid' ? 'rejected_as_invalid' : failure.kind === 'refused' ? `refused_${failure.code}` : 'submission_not_found');
        report.conflicts += 1;
        report.settled.push({ kind: entry.kind, entityId: entry.entityId });
        return;
      case 'unauthorized':
        return; // stays pending, untouched, until the session is renewed
      default: {
        const retryAfter = failure.kind === 'throttled' ? failure.retryAfterMs : 0;
        const at = new Date(now().getTime() + retryDelayMs(entry.attempts, backoff, random, retryAfter)).toISOString();
        scheduleRetry(options.db, entry.id, at, failure.kind === 'throttled' ? 'throttled' : `${failure.kind}: ${'message' in failure ? failure.message : ''}`);
        report.retrying += 1;
      }
    }
  };

  // Entries go in groups: one transaction counts the group's attempts before anything leaves (so
  // none can be undone once it may have reached the server), one records how each ended. An
  // acknowledgement lost to a crash between the two is harmless: the resend replays the first answer.
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const groupSize = concurrency * 16;
  for (let start = 0; start < due.length && !report.unauthorized; start += groupSize) {
    const group = options.db.transaction(() =>
      due.slice(start, start + groupSize).filter((entry) => {
        if (!beginAttempt(options.db, entry.id)) return false;
        // Times are put on the server's clock once, as the entry first leaves: every resend is then the same request.
        if (entry.attempts === 0 && stated) {
          entry.payload = onServerClock(entry, stated);
          replacePayload(options.db, entry.id, entry.payload);
        }
        return true;
      }),
    )();
    const firstAttempts = group.filter((entry) => entry.attempts === 0);
    if (firstAttempts.length > 0) options.onLeaving?.(firstAttempts.map(({ kind, entityId }) => ({ kind, entityId })));
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < group.length && !report.unauthorized) {
        const outcome = await send(group[next++]!);
        if (outcome) outcomes.push(outcome);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    options.db.transaction(() => outcomes.forEach(settle))();
  }
  return report;
}
