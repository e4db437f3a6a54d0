import type { Db } from '../db/database';
import type { DecisionOutcome, PreviousAttempt, SubmissionStatus } from '../../../shared/domain/submission';
import { statusJoins, statusSql } from './status';

export interface SubmissionRecord {
  id: string;
  credentialId: string;
  rubricVersionId: string;
  label: string;
  attempt: number;
  submittedAt: string;
}

export interface AssignedSubmission extends SubmissionRecord {
  batchId: string;
  position: number;
  leaseExpiresAt: string;
  dueAt: string;
  status: SubmissionStatus;
}

interface AssignedRow {
  id: string;
  credential_id: string;
  rubric_version_id: string;
  label: string;
  attempt: number;
  submitted_at: string;
  batch_id: string;
  position: number;
  lease_expires_at: string;
  due_at: string;
  status: SubmissionStatus;
}

export function saveSubmission(db: Db, submission: SubmissionRecord): void {
  db.prepare(
    `INSERT INTO submissions (id, credential_id, rubric_version_id, label, attempt, submitted_at)
     VALUES (@id, @credentialId, @rubricVersionId, @label, @attempt, @submittedAt)
     ON CONFLICT (id) DO NOTHING`,
  ).run(submission);
}

export function getAssignedSubmission(db: Db, id: string): AssignedSubmission | null {
  const row = db
    .prepare(
      `SELECT s.*, a.batch_id, a.position, a.lease_expires_at, a.due_at, ${statusSql} AS status
       FROM submissions s JOIN assignments a ON a.submission_id = s.id ${statusJoins}
       WHERE s.id = ?`,
    )
    .get(id) as AssignedRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    credentialId: row.credential_id,
    rubricVersionId: row.rubric_version_id,
    label: row.label,
    attempt: row.attempt,
    submittedAt: row.submitted_at,
    batchId: row.batch_id,
    position: row.position,
    leaseExpiresAt: row.lease_expires_at,
    dueAt: row.due_at,
    status: row.status,
  };
}

export function savePreviousAttempt(db: Db, submissionId: string, attempt: PreviousAttempt): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO previous_attempts (submission_id, attempt, outcome, decided_at, overall_feedback) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(submissionId, attempt.attempt, attempt.outcome, attempt.decidedAt, attempt.overallFeedback);
    const insertScore = db.prepare(
      `INSERT INTO previous_attempt_scores (submission_id, attempt, criterion_id, level, feedback) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    for (const score of attempt.scores) {
      insertScore.run(submissionId, attempt.attempt, score.criterionId, score.level, score.feedback);
    }
  })();
}

export function listPreviousAttempts(db: Db, submissionId: string): PreviousAttempt[] {
  const attempts = db
    .prepare('SELECT * FROM previous_attempts WHERE submission_id = ? ORDER BY attempt')
    .all(submissionId) as { attempt: number; outcome: DecisionOutcome; decided_at: string; overall_feedback: string }[];
  const scores = db
    .prepare('SELECT attempt, criterion_id, level, feedback FROM previous_attempt_scores WHERE submission_id = ?')
    .all(submissionId) as { attempt: number; criterion_id: string; level: number; feedback: string }[];
  return attempts.map((attempt) => ({
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    decidedAt: attempt.decided_at,
    overallFeedback: attempt.overall_feedback,
    scores: scores
      .filter((score) => score.attempt === attempt.attempt)
      .map((score) => ({ criterionId: score.criterion_id, level: score.level, feedback: score.feedback })),
  }));
}
