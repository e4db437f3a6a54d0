import { randomUUID } from 'node:crypto';
import type { AuditChange } from '../../../shared/hosted-api/audit';
import type { Db } from '../db/database';
import { enqueueJob } from '../hosted/outbox/job';
import { hasTrail, rewriteWaitingAuditEntry, waitingAuditEntry } from '../repositories/audit';
import { auditChangesJob } from './outbox/audit-changes';

export type Change = Omit<AuditChange, 'id' | 'machine'>;
type Machine = AuditChange['machine'];

/** Edits to one field closer together than this read as one change (typing a rationale is one change, not forty). */
const runOfEditsMs = 2 * 60_000;
/** A change waits this long before it leaves, so the edits that follow it can still join it. */
const settleMs = 60_000;
/** Changes per outbox entry; a longer run starts a new entry. */
const perEntry = 50;

const later = (at: string, ms: number): string => new Date(Date.parse(at) + ms).toISOString();

/**
 * Adds a change to the submission's audit trail in the outbox. Call it inside the transaction that
 * makes the change durable. While the trail's newest entry has not begun to leave, a further edit to
 * the same field within a run of edits updates that change's `after` (an edit back to where it
 * started removes it: nothing changed); otherwise the change is appended. Once an entry may have
 * reached the server it is never touched again: the server keeps the trail append-only.
 */
export function recordChange(db: Db, change: Change, machine: Machine): void {
  if (change.before === change.after || !hasTrail(db, change.submissionId)) return;
  const waiting = waitingAuditEntry(db, change.submissionId);
  const leavesAt = later(change.at, settleMs);
  if (waiting) {
    const { changes } = waiting;
    const last = changes.at(-1);
    const continues = last && last.kind === change.kind && last.target === change.target && change.kind !== 'decision' && change.kind !== 'decision_undone' && Date.parse(change.at) - Date.parse(last.at) < runOfEditsMs;
    if (continues || changes.length < perEntry) {
      if (continues) {
        last.after = change.after;
        last.at = change.at;
        if (last.before === last.after) changes.pop();
      } else {
        changes.push({ ...change, id: randomUUID(), machine });
      }
      rewriteWaitingAuditEntry(db, waiting.id, changes, leavesAt);
      return;
    }
  }
  enqueueJob(db, auditChangesJob, { entityId: change.submissionId, payload: { changes: [{ ...change, id: randomUUID(), machine }] }, at: change.at, leavesAt });
}
