import type { Db } from '../db/database';
import type { DraftScore } from '../../../shared/domain/submission';

export interface Draft {
  scores: DraftScore[];
  overallFeedback: string;
  activeMs: number;
  updatedAt: string | null;
}

interface DraftScoreRow {
  criterion_id: string;
  level: number | null;
  rationale: string;
  updated_at: string;
}

function touchDraft(db: Db, submissionId: string, at: string): void {
  db.prepare(
    `INSERT INTO scoring_drafts (submission_id, created_at, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (submission_id) DO UPDATE SET updated_at = excluded.updated_at`,
  ).run(submissionId, at, at);
}

/** One transaction per edit: when it returns, the edit is on disk (synchronous=FULL). */
export function saveScore(db: Db, submissionId: string, criterionId: string, level: number | null, at: string): void {
  db.transaction(() => {
    touchDraft(db, submissionId, at);
    db.prepare(
      `INSERT INTO draft_scores (submission_id, criterion_id, level, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (submission_id, criterion_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at`,
    ).run(submissionId, criterionId, level, at);
  })();
}

export function saveRationale(db: Db, submissionId: string, criterionId: string, rationale: string, at: string): void {
  db.transaction(() => {
    touchDraft(db, submissionId, at);
    db.prepare(
      `INSERT INTO draft_scores (submission_id, criterion_id, rationale, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (submission_id, criterion_id) DO UPDATE SET rationale = excluded.rationale, updated_at = excluded.updated_at`,
    ).run(submissionId, criterionId, rationale, at);
  })();
}

export function getDraft(db: Db, submissionId: string): Draft {
  const draft = db
    .prepare('SELECT overall_feedback, active_ms, updated_at FROM scoring_drafts WHERE submission_id = ?')
    .get(submissionId) as { overall_feedback: string; active_ms: number; updated_at: string } | undefined;
  const scores = db
    .prepare('SELECT criterion_id, level, rationale, updated_at FROM draft_scores WHERE submission_id = ?')
    .all(submissionId) as DraftScoreRow[];
  return {
    overallFeedback: draft?.overall_feedback ?? '',
    activeMs: draft?.active_ms ?? 0,
    updatedAt: draft?.updated_at ?? null,
    scores: scores.map((row) => ({
      criterionId: row.criterion_id,
      level: row.level,
      rationale: row.rationale,
      updatedAt: row.updated_at,
    })),
  };
}
