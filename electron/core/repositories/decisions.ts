import type { Db } from '../db/database';
import type { DecisionOutcome } from '../../../shared/domain/submission';
import { withdrawDecision } from './outbox';

export interface DecisionRecord {
  submissionId: string;
  outcome: DecisionOutcome;
  conditionCode: string | null;
  note: string;
  rubricVersionId: string;
  decidedAt: string;
}

/** Call inside the transaction that queues the decision: the two commit together or not at all. */
export function insertDecision(db: Db, decision: DecisionRecord): void {
  db.prepare(
    `INSERT INTO decisions (submission_id, outcome, condition_code, note, rubric_version_id, decided_at)
     VALUES (@submissionId, @outcome, @conditionCode, @note, @rubricVersionId, @decidedAt)`,
  ).run(decision);
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

/** Undo is possible only in the decision's undo window, before it has started to leave for sync. */
export function undoDecision(db: Db, submissionId: string, now: string): boolean {
  return db.transaction(() => {
    if (!withdrawDecision(db, submissionId, now)) return false;
    db.prepare('DELETE FROM decisions WHERE submission_id = ?').run(submissionId);
    return true;
  })();
}
