import { randomUUID } from 'node:crypto';
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/methods';
import { DecisionPayload, RefusalReason } from '../../../shared/domain/decision';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import type { Logger } from '../platform/log';
import { enqueueJob } from '../hosted/outbox/job';
import { forgetAcknowledged, listConflicts, resolveConflict } from '../repositories/outbox';
import { leadNoteJob } from './outbox/lead-note';

export interface ConflictsOptions {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** The choice changed this submission (and may have queued a note to send). */
  onResolved: (submissionId: string, noteQueued: boolean) => void;
}

/**
 * Decisions the server refused (lease lost, already decided, rubric superseded), with its reason,
 * and the assessor's choice for each: keep the scores as a note for the lead, or discard them.
 * Nothing refused is dropped or overwritten without that choice.
 */
export class SyncConflicts {
  constructor(private readonly options: ConflictsOptions) {}

  list(): SyncConflict[] {
    return listConflicts(this.options.db).flatMap((conflict) => {
      const payload = DecisionPayload.safeParse(conflict.payload);
      if (!payload.success) return [];
      const choices: ConflictChoice[] = RefusalReason.safeParse(conflict.reason).success ? ['note_for_lead', 'discarded'] : ['discarded'];
      return [{ submissionId: conflict.submissionId, label: conflict.label, reason: conflict.reason, outcome: payload.data.outcome, decidedAt: payload.data.decidedAt, choices }];
    });
  }

  /** The note for the lead goes through the outbox like any decision, with its own idempotency key. */
  resolve(submissionId: string, choice: ConflictChoice): void {
    const conflict = listConflicts(this.options.db).find((item) => item.submissionId === submissionId);
    if (!conflict) throw new DomainError('not_found', 'There is no conflict to resolve for that submission.');
    const reason = RefusalReason.safeParse(conflict.reason);
    const decision = DecisionPayload.safeParse(conflict.payload);
    if (choice === 'note_for_lead' && !(reason.success && decision.success)) {
      throw new DomainError('conflict', 'This decision cannot go to the lead; it can only be discarded.');
    }
    const { db } = this.options;
    const at = this.options.now().toISOString();
    const note = choice === 'note_for_lead' && reason.success && decision.success ? { submissionId, reason: reason.data, decision: decision.data } : null;
    // The choice and the note it sends commit together; the refused payload goes either way (the note carries its own copy).
    db.transaction(() => {
      if (!resolveConflict(db, submissionId, choice) || !note) return;
      // One note per submission at a time: an earlier one the server already has makes room.
      forgetAcknowledged(db, leadNoteJob.kind, submissionId);
      enqueueJob(db, leadNoteJob, { entityId: submissionId, payload: note, at, idempotencyKey: `lead-note-${randomUUID()}` });
    })();
    this.options.logger.info(`conflict on ${submissionId} resolved: ${choice}`);
    this.options.onResolved(submissionId, note !== null);
  }
}
