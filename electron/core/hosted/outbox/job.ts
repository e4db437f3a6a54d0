import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { enqueue } from '../../repositories/outbox';
import type { ApiResult, HostedApiClient } from '../api-client';

/** What an entry's sending needs besides its payload. */
export interface SendContext {
  db: Db;
  client: HostedApiClient;
  /** The entry's own key: a resend is recognised by the server and recorded once. */
  idempotencyKey: string;
}

/**
 * One kind of work that leaves through the outbox (a decision, a backread review, …): its payload's
 * schema, how it is sent, and what the server's acknowledgement settles here. Each kind lives in
 * its domain's `outbox/` folder; the sync loop knows them only through this shape. A kind for a new
 * endpoint sends with `client.postOnce(path, answerSchema, body, idempotencyKey)`.
 */
export interface OutboxJob<Payload> {
  kind: string;
  payload: z.ZodType<Payload>;
  send(payload: Payload, context: SendContext): Promise<ApiResult<unknown>>;
  /** The payload with the times this machine stated put on the server's clock (while this machine's clock is off). */
  restate?(payload: Payload, stated: (at: string) => string): Payload;
  /** What the acknowledgement settles beyond the entry itself; runs in the transaction that acknowledges it. */
  acknowledged?(db: Db, entry: { entityId: string; answer: unknown; at: string }): void;
  /** Which screen changes when an entry of this kind leaves or settles. */
  shownIn: 'submission' | 'quality' | 'nowhere';
  /** The payload stays after the acknowledgement until the synced data holds it (a thread shows what was sent meanwhile). */
  keepsPayloadUntilSynced?: boolean;
  /** Waits to gather more of its kind before leaving (an audit run); "Sync now" sends it at once. */
  settlesBeforeLeaving?: boolean;
  /** Belongs to the account rather than to claimed work: a remote wipe removes it whatever it refers to. */
  belongsToAccount?: boolean;
}

/** Declares a job kind (keeps the payload's type tied to its schema). */
export const outboxJob = <Payload>(job: OutboxJob<Payload>): OutboxJob<Payload> => job;

export interface EnqueuedEntry<Payload> {
  entityId: string;
  payload: Payload;
  at: string;
  /** Not sent before then (a decision's undo window); at once by default. */
  leavesAt?: string;
  /** A new random key by default. */
  idempotencyKey?: string;
}

/** Queues an entry of this kind. Call it inside the transaction that writes the data it carries. */
export function enqueueJob<Payload>(db: Db, job: OutboxJob<Payload>, entry: EnqueuedEntry<NoInfer<Payload>>): void {
  enqueue(db, { kind: job.kind, entityId: entry.entityId, idempotencyKey: entry.idempotencyKey ?? randomUUID(), payload: entry.payload, at: entry.at, leavesAt: entry.leavesAt });
}

/** Every kind this version sends, by name; each kind once. */
export class OutboxJobs {
  private readonly byKind = new Map<string, OutboxJob<unknown>>();

  constructor(jobs: readonly OutboxJob<unknown>[]) {
    for (const job of jobs) {
      if (this.byKind.has(job.kind)) throw new Error(`Two outbox jobs are called ${job.kind}`);
      this.byKind.set(job.kind, job);
    }
  }

  of(kind: string): OutboxJob<unknown> | undefined {
    return this.byKind.get(kind);
  }

  kindsWhere(test: (job: OutboxJob<unknown>) => boolean): string[] {
    return [...this.byKind.values()].filter(test).map((job) => job.kind);
  }
}
