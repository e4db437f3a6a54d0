import type { Db } from '../db/database';
import { CommentRegion } from '../../../shared/domain/comment';
import type { CommentTag, CommentVisibility, EvidenceComment } from '../../../shared/domain/comment';

/** A comment pinned to a moment or range of a video/audio item, or to a page (and passage) of a document. */
export interface TimestampedComment {
  id: string;
  submissionId: string;
  evidenceId: string;
  startMs: number | null;
  endMs: number | null;
  page: number | null;
  quote: string | null;
  region: CommentRegion | null;
  body: string;
  tag: CommentTag;
  visibility: CommentVisibility;
  criterionIds: string[];
  createdAt: string;
  updatedAt: string;
}

interface CommentRow {
  id: string;
  submission_id: string;
  evidence_id: string;
  start_ms: number | null;
  end_ms: number | null;
  page: number | null;
  quote: string | null;
  region: string | null;
  body: string;
  tag: CommentTag;
  visibility: CommentVisibility;
  created_at: string;
  updated_at: string;
  criterion_ids: string | null;
}

/** The contract's view of a stored comment. */
export function toEvidenceComment(comment: TimestampedComment): EvidenceComment {
  return {
    id: comment.id,
    evidenceId: comment.evidenceId,
    startMs: comment.startMs,
    endMs: comment.endMs,
    page: comment.page,
    quote: comment.quote,
    region: comment.region,
    body: comment.body,
    tag: comment.tag,
    visibility: comment.visibility,
    criterionIds: comment.criterionIds,
  };
}

export function getCommentOwner(db: Db, id: string): string | null {
  const row = db.prepare('SELECT submission_id FROM comments WHERE id = ?').get(id) as { submission_id: string } | undefined;
  return row?.submission_id ?? null;
}

export function saveComment(db: Db, comment: TimestampedComment): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO comments (id, submission_id, evidence_id, start_ms, end_ms, page, quote, region, body, tag, visibility, created_at, updated_at)
       VALUES (@id, @submissionId, @evidenceId, @startMs, @endMs, @page, @quote, @region, @body, @tag, @visibility, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, page = excluded.page,
         quote = excluded.quote, region = excluded.region, body = excluded.body, tag = excluded.tag, visibility = excluded.visibility,
         updated_at = excluded.updated_at`,
    ).run({ ...comment, region: comment.region ? JSON.stringify(comment.region) : null });
    db.prepare('DELETE FROM comment_criteria WHERE comment_id = ?').run(comment.id);
    const link = db.prepare('INSERT INTO comment_criteria (comment_id, criterion_id) VALUES (?, ?)');
    for (const criterionId of new Set(comment.criterionIds)) link.run(comment.id, criterionId);
  })();
}

export function deleteComment(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM comments WHERE id = ?').run(id).changes > 0;
}

/** Sorted the way assessors read them: by evidence position, then by time (or page). */
export function listComments(db: Db, submissionId: string): TimestampedComment[] {
  const rows = db
    .prepare(
      `SELECT c.*, (SELECT group_concat(criterion_id, ' ') FROM comment_criteria cc WHERE cc.comment_id = c.id) AS criterion_ids
       FROM comments c JOIN evidence_items e ON e.id = c.evidence_id
       WHERE c.submission_id = ?
       ORDER BY e.position, coalesce(c.start_ms, 0), coalesce(c.page, 0), c.created_at`,
    )
    .all(submissionId) as CommentRow[];
  return rows.map((row) => ({
    id: row.id,
    submissionId: row.submission_id,
    evidenceId: row.evidence_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    page: row.page,
    quote: row.quote,
    region: row.region === null ? null : CommentRegion.parse(JSON.parse(row.region)),
    body: row.body,
    tag: row.tag,
    visibility: row.visibility,
    criterionIds: row.criterion_ids ? row.criterion_ids.split(' ').sort() : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
