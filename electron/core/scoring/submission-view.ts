import type { SubmissionDetail } from '../../../shared/contract/methods';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { DecisionSummary } from '../../../shared/domain/decision';
import { CalibrationFeedback } from '../../../shared/hosted-api/quality';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { batchKindOf, calibrationSetOf, isDemoSubmission } from '../repositories/batches';
import { listComments, toEvidenceComment } from '../repositories/comments';
import { getCredential } from '../repositories/credentials';
import { getDecision } from '../repositories/decisions';
import { getDraft } from '../repositories/drafts';
import { listEvidence, toSummary } from '../repositories/evidence';
import type { EvidenceRecord } from '../repositories/evidence';
import { untouchedDecision } from '../repositories/outbox';
import { loadCalibrationResult } from '../repositories/quality';
import { listPreviousAttempts } from '../repositories/submissions';
import { requireRubric, requireSubmission } from './guards';

// How a submission reads to the renderer (blind: no candidate identity exists to show).

export function commentsOf(db: Db, submissionId: string): EvidenceComment[] {
  return listComments(db, submissionId).map(toEvidenceComment);
}

export function decisionSummary(db: Db, submissionId: string, now: Date): DecisionSummary | null {
  const decision = getDecision(db, submissionId);
  if (!decision) return null;
  return {
    outcome: decision.outcome,
    conditionCode: decision.conditionCode as DecisionSummary['conditionCode'],
    note: decision.note,
    decidedAt: decision.decidedAt,
    ...untouchedDecision(db, submissionId, now.toISOString()),
  };
}

/** `readWrittenResponse`: opens a sealed written response (null when it is not here or cannot be read yet). */
export function submissionDetail(db: Db, submissionId: string, readWrittenResponse: (record: EvidenceRecord) => string | null, now: Date): SubmissionDetail {
  const submission = requireSubmission(db, submissionId);
  const credential = getCredential(db, submission.credentialId);
  if (!credential) throw new DomainError('internal', 'The micro-credential for this submission is missing.');
  const draft = getDraft(db, submissionId);
  return {
    submissionId,
    batchId: submission.batchId,
    label: submission.label,
    attempt: submission.attempt,
    status: submission.status,
    dueAt: submission.dueAt,
    leaseExpiresAt: submission.leaseExpiresAt,
    credential,
    rubric: requireRubric(db, submission),
    evidence: listEvidence(db, submissionId).map((record) => toSummary(record, readWrittenResponse(record))),
    previousAttempts: listPreviousAttempts(db, submissionId),
    draft: {
      scores: draft.scores,
      overallFeedback: draft.overallFeedback,
      componentFeedback: draft.componentFeedback,
      activeMs: draft.activeMs,
      playback: draft.playback,
      updatedAt: draft.updatedAt,
    },
    comments: commentsOf(db, submissionId),
    decision: decisionSummary(db, submissionId, now),
    mode: batchKindOf(db, submissionId),
    referable: batchKindOf(db, submissionId) === 'live' && !isDemoSubmission(db, submissionId),
    calibration: calibrationOf(db, submissionId),
  };
}

/** Calibration work: its set, and the server's comparison with the master once the response synced. */
function calibrationOf(db: Db, submissionId: string): SubmissionDetail['calibration'] {
  const setId = calibrationSetOf(db, submissionId);
  if (!setId) return null;
  const result = CalibrationFeedback.safeParse(loadCalibrationResult(db, submissionId));
  return { setId, result: result.success ? result.data : null };
}
