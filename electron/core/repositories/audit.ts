import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AuditChange } from '../../../shared/hosted-api/audit';
import type { Db } from '../db/database';
import { enqueue } from './outbox';

export type Change = Omit<AuditChange, 'id' | 'machine'>;
type Machine = AuditChange['machine'];

/** Edits to one field closer together than this read as one change (typing a rationale is one change, not forty). */
const runOfEditsMs = 2 * 60_000;
/** A change waits this long before it leaves, so the edits that follow it can still join it. */
const settleMs = 60_000;
/** Changes per outbox entry; a longer run starts a new entry. */
const perEntry = 50;

const later = (at: string, ms: number): string => new Date(Date.parse(at) + ms).toISOString();

export function machineId(db: Db): string {
  return (db.prepare('SELECT machine_id FROM workstation WHERE id = 1').get() as { machine_id: string }).machine_id;
}

/** This workstation as it names itself to the server: its random id and its host name. */
export function thisMachine(db: Db): Machine {
  return { id: machineId(db), name: hostname().slice(0, 200) };
}

/**
 * Adds a change to the submission's audit trail in the outbox. Call it inside the transaction that
 * makes the change durable. While the trail's newest entry has not begun to leave, a further edit to
 * the same field within a run of edits updates that change's `after` (an edit back to where it
 * started removes it: nothing changed); otherwise the change is appended. Once an entry may have
 * reached the server it is never touched again: the server keeps the trail append-only.
 */
export function recordChange(db: Db, change: Change, machine: Machine): void {
  if (change.before === change.after || !hasTrail(db, change.submissionId)) return;
  const waiting = db
    .prepare(`SELECT id, payload, next_attempt_at FROM outbox WHERE kind = 'audit' AND entity_id = ? AND state = 'pending' AND attempts = 0 ORDER BY id DESC LIMIT 1`)
    .get(change.submissionId) as { id: number; payload: string; next_attempt_at: string } | undefined;
  const leavesAt = later(change.at, settleMs);
  if (waiting) {
    const { changes } = JSON.parse(waiting.payload) as { changes: AuditChange[] };
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
      if (changes.length === 0) db.prepare('DELETE FROM outbox WHERE id = ?').run(waiting.id);
      else db.prepare('UPDATE outbox SET payload = ?, next_attempt_at = max(next_attempt_at, ?) WHERE id = ?').run(JSON.stringify({ changes }), leavesAt, waiting.id);
      return;
    }
  }
  enqueue(db, { kind: 'audit', entityId: change.submissionId, idempotencyKey: randomUUID(), payload: { changes: [{ ...change, id: randomUUID(), machine }] }, at: change.at, leavesAt });
}

/** Live work claimed from the hosted API has a trail; the demo, calibration, master scoring and reviews never reach a candidate. */
function hasTrail(db: Db, submissionId: string): boolean {
  return !!db.prepare(`SELECT 1 FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = ? AND b.kind = 'live' AND b.is_demo = 0`).get(submissionId);
}

/** The submission's waiting trail leaves with its decision (same moment: after the undo window). */
export function releaseAuditWith(db: Db, submissionId: string, leavesAt: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE kind = 'audit' AND entity_id = ? AND state = 'pending' AND attempts = 0`).run(leavesAt, submissionId);
}

/** "Sync now": every waiting change leaves with this sync instead of after its settling time. */
export function releaseAllAudit(db: Db, at: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE kind = 'audit' AND state = 'pending' AND next_attempt_at > ?`).run(at, at);
}

/** Changes of the audit trail that have not reached the server. */
export function countUnsentAudit(db: Db): number {
  const rows = db.prepare(`SELECT payload FROM outbox WHERE kind = 'audit' AND state IN ('pending', 'conflict')`).all() as { payload: string }[];
  return rows.reduce((sum, row) => sum + (JSON.parse(row.payload) as { changes: unknown[] }).changes.length, 0);
}
