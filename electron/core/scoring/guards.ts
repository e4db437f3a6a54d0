import { anchorProblem } from '../../../shared/domain/comment';
import type { EvidenceComment } from '../../../shared/domain/comment';
import type { RubricVersion } from '../../../shared/domain/rubric';
import { allCriteria } from '../../../shared/domain/rubric';
import type { Db } from '../db/database';
import { DomainError } from '../contract/errors';
import { batchKindOf } from '../repositories/batches';
import { getRubricVersion } from '../repositories/credentials';
import { getDecision } from '../repositories/decisions';
import { getEvidence } from '../repositories/evidence';
import type { EvidenceRecord } from '../repositories/evidence';
import { getAssignedSubmission } from '../repositories/submissions';
import type { AssignedSubmission } from '../repositories/submissions';

// What an edit must satisfy before it is written: the submission is here, editable, and the
// criterion, component or evidence it names belongs to it.

export function requireSubmission(db: Db, submissionId: string): AssignedSubmission {
  const submission = getAssignedSubmission(db, submissionId);
  if (!submission) throw new DomainError('not_found', 'That submission is not in this workspace.');
  return submission;
}

export function requireRubric(db: Db, submission: AssignedSubmission): RubricVersion {
  const rubric = getRubricVersion(db, submission.rubricVersionId);
  if (!rubric) throw new DomainError('internal', 'The rubric for this submission is missing.');
  return rubric;
}

/** Edits are refused once a decision exists: the scores it was based on must not move under it. */
export function requireEditable(db: Db, submissionId: string): { submission: AssignedSubmission; rubric: RubricVersion } {
  const submission = requireSubmission(db, submissionId);
  if (batchKindOf(db, submissionId) === 'review') throw new DomainError('conflict', 'A submission under adjudication is read here, not scored.');
  if (getDecision(db, submissionId)) throw new DomainError('conflict', 'This submission already has a decision; undo it before changing anything.');
  return { submission, rubric: requireRubric(db, submission) };
}

export function requireCriterion(rubric: RubricVersion, criterionId: string): RubricVersion['components'][number]['criteria'][number] {
  const criterion = allCriteria(rubric).find((candidate) => candidate.id === criterionId);
  if (!criterion) throw new DomainError('invalid_input', 'That criterion is not part of this submission’s rubric.');
  return criterion;
}

export function requireEvidenceOf(db: Db, submissionId: string, evidenceId: string): NonNullable<ReturnType<typeof getEvidence>> {
  const evidence = getEvidence(db, evidenceId);
  if (!evidence || evidence.submissionId !== submissionId) throw new DomainError('invalid_input', 'That evidence item is not part of this submission.');
  return evidence;
}

/** A comment's anchor must suit its evidence (the rule the hosted API applies too: see anchorProblem). */
export function requireFittingAnchor(db: Db, submissionId: string, comment: EvidenceComment, readWrittenResponse: (record: EvidenceRecord) => string | null): void {
  const evidence = requireEvidenceOf(db, submissionId, comment.evidenceId);
  // A quote of a written response is a passage of it, word for word (its text is opened only for that check).
  const text = evidence.kind === 'text' && comment.quote !== null ? readWrittenResponse(evidence) : null;
  const problem = anchorProblem({ kind: evidence.kind, durationMs: evidence.durationMs, text }, comment);
  if (problem) throw new DomainError('invalid_input', problem.message);
}
