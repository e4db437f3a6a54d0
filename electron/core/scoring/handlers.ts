import type { EventPayload } from '../../../shared/contract/events';
import type { SubmissionStatus } from '../../../shared/domain/submission';
import { answersAtOnce, handlerApp } from '../contract/handler-app';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import type { TimestampedComment } from '../repositories/comments';
import { deleteComment, getCommentOwner, listComments, saveComment } from '../repositories/comments';
import { getDecision } from '../repositories/decisions';
import { addActiveTime, getFeedback, getScore, saveFeedback, savePlayback, saveRationale, saveScore } from '../repositories/drafts';
import { recordChange } from '../audit/record-change';
import type { Change } from '../audit/record-change';
import type { EvidenceRecord } from '../repositories/evidence';
import { submitDecision, undoDecision } from './decisions';
import { requireCriterion, requireEditable, requireEvidenceOf, requireFittingAnchor, requireSubmission } from './guards';
import { submissionDetail } from './submission-view';

export interface ScoringDeps {
  db: Db;
  now: () => Date;
  /** The assessor's own edit changed a queue row. */
  onQueueChanged: (change: EventPayload<'queue.changed'>) => void;
  /** A decision waits in the outbox. */
  onDecided: () => void;
  readWrittenResponse: (record: EvidenceRecord) => string | null;
  /** This machine, as the audit trail names it. */
  machine: { id: string; name: string };
}

/** A comment as the audit trail keeps it: where it points and what it says. */
function commentValue(comment: TimestampedComment | undefined): string | null {
  if (!comment) return null;
  const { evidenceId, startMs, endMs, page, quote, region, body, tag, visibility, criterionIds } = comment;
  return JSON.stringify({ evidenceId, startMs, endMs, page, quote, region, body, tag, visibility, criterionIds });
}

/**
 * Time on task grows no faster than the clock: reports for one submission (from any window) are
 * capped at the time since its previous report (and a little slack), so rapid or forged reports
 * cannot inflate what is sent with the decision. The first report of a run is capped by the contract.
 */
class ActiveTimeBound {
  private readonly lastReportAt = new Map<string, number>();

  allowed(submissionId: string, ms: number, nowMs: number): number {
    const last = this.lastReportAt.get(submissionId);
    this.lastReportAt.set(submissionId, nowMs);
    return last === undefined ? ms : Math.min(ms, Math.max(0, nowMs - last) + 2_000);
  }
}

/**
 * Scoring one submission: opening it, the draft (levels, rationales, feedback, playback, time on
 * task), comments on the evidence, and the decision. Every edit is a durable write before it answers.
 */
export function scoringHandlers({ db, now, onQueueChanged, onDecided, readWrittenResponse, machine }: ScoringDeps) {
  const activeTime = new ActiveTimeBound();
  /** Makes an edit durable together with its entry in the audit trail (one transaction). */
  const withTrail = (edit: () => void, change: Change): void =>
    db.transaction(() => {
      edit();
      recordChange(db, change, machine);
    })();

  /** Acknowledges an edit; the queue row follows the submission's status. */
  const saved = (submissionId: string, savedAt: string): { savedAt: string; status: SubmissionStatus } => {
    const submission = requireSubmission(db, submissionId);
    onQueueChanged({ batchId: submission.batchId, submissionId, status: submission.status, outcome: getDecision(db, submissionId)?.outcome ?? null });
    return { savedAt, status: submission.status };
  };

  return handlerApp({
    'submission.open': answersAtOnce(({ submissionId }) => submissionDetail(db, submissionId, readWrittenResponse, now())),

    'draft.setScore': answersAtOnce(({ submissionId, criterionId, level }) => {
      const criterion = requireCriterion(requireEditable(db, submissionId).rubric, criterionId);
      if (level !== null && !criterion.levels.some((candidate) => candidate.level === level)) throw new DomainError('invalid_input', `Level ${level} is not a score level of that criterion.`);
      const savedAt = now().toISOString();
      const before = getScore(db, submissionId, criterionId)?.level ?? null;
      withTrail(() => saveScore(db, submissionId, criterionId, level, savedAt), { submissionId, kind: 'score', target: criterionId, before: before === null ? null : String(before), after: level === null ? null : String(level), at: savedAt });
      return saved(submissionId, savedAt);
    }),

    'draft.setRationale': answersAtOnce(({ submissionId, criterionId, rationale }) => {
      requireCriterion(requireEditable(db, submissionId).rubric, criterionId);
      const savedAt = now().toISOString();
      const before = getScore(db, submissionId, criterionId)?.rationale ?? '';
      withTrail(() => saveRationale(db, submissionId, criterionId, rationale, savedAt), { submissionId, kind: 'rationale', target: criterionId, before, after: rationale, at: savedAt });
      return saved(submissionId, savedAt);
    }),

    'draft.setFeedback': answersAtOnce(({ submissionId, componentId, body }) => {
      const { rubric } = requireEditable(db, submissionId);
      if (componentId !== null && !rubric.components.some((component) => component.id === componentId)) throw new DomainError('invalid_input', 'That component is not part of this submission’s rubric.');
      const savedAt = now().toISOString();
      const before = getFeedback(db, submissionId, componentId);
      withTrail(() => saveFeedback(db, submissionId, componentId, body, savedAt), { submissionId, kind: 'feedback', target: componentId ?? 'overall', before, after: body, at: savedAt });
      return saved(submissionId, savedAt);
    }),

    'draft.setPlayback': answersAtOnce(({ submissionId, evidenceId, positionMs }) => {
      requireSubmission(db, submissionId);
      requireEvidenceOf(db, submissionId, evidenceId);
      const savedAt = now().toISOString();
      savePlayback(db, submissionId, evidenceId, positionMs, savedAt);
      return { savedAt };
    }),

    'draft.addActiveTime': answersAtOnce(({ submissionId, ms }) => {
      requireSubmission(db, submissionId);
      return { activeMs: addActiveTime(db, submissionId, activeTime.allowed(submissionId, ms, now().getTime()), now().toISOString()) };
    }),

    'comment.save': answersAtOnce(({ submissionId, comment }) => {
      const { rubric } = requireEditable(db, submissionId);
      const owner = getCommentOwner(db, comment.id);
      if (owner !== null && owner !== submissionId) throw new DomainError('conflict', 'That comment belongs to another submission.');
      requireFittingAnchor(db, submissionId, comment, readWrittenResponse);
      for (const criterionId of comment.criterionIds) requireCriterion(rubric, criterionId);
      const savedAt = now().toISOString();
      const existing = owner ? listComments(db, submissionId).find((candidate) => candidate.id === comment.id) : undefined;
      const next = { ...comment, submissionId, createdAt: existing?.createdAt ?? savedAt, updatedAt: savedAt };
      withTrail(() => saveComment(db, next), { submissionId, kind: 'comment', target: comment.id, before: commentValue(existing), after: commentValue(next), at: savedAt });
      return saved(submissionId, savedAt);
    }),

    'comment.delete': answersAtOnce(({ submissionId, commentId }) => {
      requireEditable(db, submissionId);
      if (getCommentOwner(db, commentId) !== submissionId) throw new DomainError('not_found', 'That comment is not on this submission.');
      const at = now().toISOString();
      const existing = listComments(db, submissionId).find((candidate) => candidate.id === commentId);
      withTrail(() => deleteComment(db, commentId), { submissionId, kind: 'comment', target: commentId, before: commentValue(existing), after: null, at });
      return saved(submissionId, at);
    }),

    'decision.submit': answersAtOnce((input) => {
      const result = submitDecision(db, input, now(), machine);
      saved(input.submissionId, result.decision.decidedAt);
      onDecided();
      return result;
    }),

    'decision.undo': answersAtOnce(({ submissionId }) => {
      const result = undoDecision(db, submissionId, now(), machine);
      saved(submissionId, now().toISOString());
      return result;
    }),
  });
}
