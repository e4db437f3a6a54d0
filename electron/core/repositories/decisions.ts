import type { Db } from '../db/database';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { enqueue, withdraw } from './outbox';

export interface DecisionRecord {
  submissionId: string;
  outcome: DecisionOutcome;
  conditionCode: string | null;
  note: string;
  rubricVersionId: string;
  decidedAt: string;
}

/** The decision and its outbox entry commit together or not at all; the entry waits until `leavesAt` (its undo window). */
export function recordDecision(db: Db, decision: DecisionRecord, outbox: { idempotencyKey: string; payload: unknown; leavesAt: string }): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO decisions (submission_id, outcome, condition_code, note, rubric_version_id, decided_at)
       VALUES (@submissionId, @outcome, @conditionCode, @note, @rubricVersionId, @decidedAt)`,
    ).run(decision);
    enqueue(db, { kind: 'decision', entityId: decision.submissionId, at: decision.decidedAt, ...outbox });
  })();
}

export function getDecision(db: Db, submissionId: string): DecisionRecord | null {
  const row = db.prepare('SELECT * FROM decisions WHERE submission_id = ?').get(submissionId) as
    | { submission_id: string; outcome: DecisionOutcome; condition_code: string | null; note: string; rubric_version_id: string; decided_at: string }
    | undefined;
  return row
    ? {
        submissionId: row.submission_id,
        outcome: row.outcome,
        conditionCode: row.condition_code,
        note: row.note,
        rubricVersionId: row.rubric_version_id,
        decidedAt: row.decided_at,
      }
    : null;
}

/** Undo is possible only while the decision has not started to leave for sync. */
export function undoDecision(db: Db, submissionId: string): boolean {
  return db.transaction(() => {
    if (!withdraw(db, 'decision', submissionId)) return false;
    db.prepare('DELETE FROM decisions WHERE submission_id = ?').run(submissionId);
    return true;
  })();
}
