import type { Db } from '../db/database';
import type { DraftScore } from '../../../shared/domain/submission';

export interface Draft {
  scores: DraftScore[];
  overallFeedback: string;
  componentFeedback: Record<string, string>;
  activeMs: number;
  playback: { evidenceId: string; positionMs: number } | null;
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

/** Overall feedback (componentId null) or one component's feedback. */
export function saveFeedback(db: Db, submissionId: string, componentId: string | null, body: string, at: string): void {
  db.transaction(() => {
    touchDraft(db, submissionId, at);
    if (componentId === null) {
      db.prepare('UPDATE scoring_drafts SET overall_feedback = ? WHERE submission_id = ?').run(body, submissionId);
    } else {
      db.prepare(
        `INSERT INTO component_feedback (submission_id, component_id, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (submission_id, component_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      ).run(submissionId, componentId, body, at);
    }
  })();
}

/** Where playback was; not an edit, so it leaves the draft's updated_at alone. */
export function savePlayback(db: Db, submissionId: string, evidenceId: string, positionMs: number, at: string): void {
  db.prepare(
    `INSERT INTO scoring_drafts (submission_id, created_at, updated_at, playback_evidence_id, playback_position_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (submission_id) DO UPDATE SET playback_evidence_id = excluded.playback_evidence_id, playback_position_ms = excluded.playback_position_ms`,
  ).run(submissionId, at, at, evidenceId, positionMs);
}

/** Adds active time on task; returns the new total. */
export function addActiveTime(db: Db, submissionId: string, ms: number, at: string): number {
  db.prepare(
    `INSERT INTO scoring_drafts (submission_id, created_at, updated_at, active_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (submission_id) DO UPDATE SET active_ms = active_ms + excluded.active_ms`,
  ).run(submissionId, at, at, ms);
  return (db.prepare('SELECT active_ms FROM scoring_drafts WHERE submission_id = ?').get(submissionId) as { active_ms: number }).active_ms;
}

/** One criterion's level and rationale as they stand (null: never touched). */
export function getScore(db: Db, submissionId: string, criterionId: string): { level: number | null; rationale: string } | null {
  return (db.prepare('SELECT level, rationale FROM draft_scores WHERE submission_id = ? AND criterion_id = ?').get(submissionId, criterionId) as { level: number | null; rationale: string } | undefined) ?? null;
}

/** The overall feedback (componentId null) or one component's, as it stands. */
export function getFeedback(db: Db, submissionId: string, componentId: string | null): string {
  const row =
    componentId === null
      ? (db.prepare('SELECT overall_feedback AS body FROM scoring_drafts WHERE submission_id = ?').get(submissionId) as { body: string } | undefined)
      : (db.prepare('SELECT body FROM component_feedback WHERE submission_id = ? AND component_id = ?').get(submissionId, componentId) as { body: string } | undefined);
  return row?.body ?? '';
}

export function getDraft(db: Db, submissionId: string): Draft {
  const draft = db
    .prepare('SELECT overall_feedback, active_ms, updated_at, playback_evidence_id, playback_position_ms FROM scoring_drafts WHERE submission_id = ?')
    .get(submissionId) as
    | { overall_feedback: string; active_ms: number; updated_at: string; playback_evidence_id: string | null; playback_position_ms: number | null }
    | undefined;
  const components = db.prepare('SELECT component_id, body FROM component_feedback WHERE submission_id = ?').all(submissionId) as {
    component_id: string;
    body: string;
  }[];
  const scores = db
    .prepare('SELECT criterion_id, level, rationale, updated_at FROM draft_scores WHERE submission_id = ?')
    .all(submissionId) as DraftScoreRow[];
  return {
    overallFeedback: draft?.overall_feedback ?? '',
    componentFeedback: Object.fromEntries(components.map((row) => [row.component_id, row.body])),
    activeMs: draft?.active_ms ?? 0,
    playback:
      draft?.playback_evidence_id && draft.playback_position_ms !== null
        ? { evidenceId: draft.playback_evidence_id, positionMs: draft.playback_position_ms }
        : null,
    updatedAt: draft?.updated_at ?? null,
    scores: scores.map((row) => ({
      criterionId: row.criterion_id,
      level: row.level,
      rationale: row.rationale,
      updatedAt: row.updated_at,
    })),
  };
}
