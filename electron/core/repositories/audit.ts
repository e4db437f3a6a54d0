import { hostname } from 'node:os';
import type { AuditChange } from '../../../shared/hosted-api/audit';
import type { Db } from '../db/database';
import { auditKind } from './outbox-kinds';

type Machine = AuditChange['machine'];

export function machineId(db: Db): string {
  return (db.prepare('SELECT machine_id FROM workstation WHERE id = 1').get() as { machine_id: string }).machine_id;
}

/** This workstation as it names itself to the server: its random id and its host name. */
export function thisMachine(db: Db): Machine {
  return { id: machineId(db), name: hostname().slice(0, 200) };
}

/** Live work claimed from the hosted API has a trail; the demo, calibration, master scoring and reviews never reach a candidate. */
export function hasTrail(db: Db, submissionId: string): boolean {
  return !!db.prepare(`SELECT 1 FROM assignments a JOIN batches b ON b.id = a.batch_id WHERE a.submission_id = ? AND b.kind = 'live' AND b.is_demo = 0`).get(submissionId);
}

/** The newest entry of the submission's trail that has not begun to leave (changes may still join it). */
export function waitingAuditEntry(db: Db, submissionId: string): { id: number; changes: AuditChange[] } | null {
  const row = db
    .prepare(`SELECT id, payload FROM outbox WHERE kind = '${auditKind}' AND entity_id = ? AND state = 'pending' AND attempts = 0 ORDER BY id DESC LIMIT 1`)
    .get(submissionId) as { id: number; payload: string } | undefined;
  return row ? { id: row.id, changes: (JSON.parse(row.payload) as { changes: AuditChange[] }).changes } : null;
}

/** A waiting entry's changes rewritten (none left: the entry goes); it leaves no earlier than `leavesAt`. */
export function rewriteWaitingAuditEntry(db: Db, id: number, changes: AuditChange[], leavesAt: string): void {
  if (changes.length === 0) db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
  else db.prepare('UPDATE outbox SET payload = ?, next_attempt_at = max(next_attempt_at, ?) WHERE id = ?').run(JSON.stringify({ changes }), leavesAt, id);
}

/** The submission's waiting trail leaves with its decision (same moment: after the undo window). */
export function releaseAuditWith(db: Db, submissionId: string, leavesAt: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE kind = '${auditKind}' AND entity_id = ? AND state = 'pending' AND attempts = 0`).run(leavesAt, submissionId);
}

/** Changes of the audit trail still waiting to reach the server (a run the server refused will never go). */
export function countUnsentAudit(db: Db): number {
  const rows = db.prepare(`SELECT payload FROM outbox WHERE kind = '${auditKind}' AND state = 'pending'`).all() as { payload: string }[];
  return rows.reduce((sum, row) => sum + (JSON.parse(row.payload) as { changes: unknown[] }).changes.length, 0);
}
