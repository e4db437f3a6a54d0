import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/methods';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { allCriteria } from '../../shared/domain/rubric';
import type { Db } from './db/database';
import { schemaVersion } from './db/migrate';
import { DomainError } from './errors';
import { listBatches, listQueue } from './repositories/batches';
import { getCredential, getRubricVersion } from './repositories/credentials';
import { getDraft, saveRationale, saveScore } from './repositories/drafts';
import { listEvidence, toSummary } from './repositories/evidence';
import type { AssignedSubmission } from './repositories/submissions';
import { getAssignedSubmission, listPreviousAttempts } from './repositories/submissions';

export interface HandlerContext {
  db: Db;
  version: string;
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handlers = {
  [N in MethodName]: (input: ParsedInput<N>, context: HandlerContext) => MethodOutput<N>;
};

function requireSubmission(db: Db, submissionId: string): AssignedSubmission {
  const submission = getAssignedSubmission(db, submissionId);
  if (!submission) throw new DomainError('not_found', 'That submission is not in this workspace.');
  return submission;
}

/** Edits are refused once a decision exists: the scores it was based on must not move under it. */
function requireEditableCriterion(db: Db, submissionId: string, criterionId: string): AssignedSubmission {
  const submission = requireSubmission(db, submissionId);
  if (['queued', 'synced', 'conflict'].includes(submission.status)) {
    throw new DomainError('conflict', 'This submission already has a decision; undo it before changing scores.');
  }
  const rubric = getRubricVersion(db, submission.rubricVersionId);
  if (!rubric || !allCriteria(rubric).some((criterion) => criterion.id === criterionId)) {
    throw new DomainError('invalid_input', 'That criterion is not part of this submission’s rubric.');
  }
  return submission;
}

function afterEdit(context: HandlerContext, submissionId: string, savedAt: string): { savedAt: string; status: AssignedSubmission['status'] } {
  const submission = requireSubmission(context.db, submissionId);
  context.emit('queue.changed', { batchId: submission.batchId, submissionId, status: submission.status });
  return { savedAt, status: submission.status };
}

export const handlers: Handlers = {
  'app.info': (_input, context) => ({ version: context.version, schemaVersion }),

  'workspace.summary': (_input, { db }) => {
    const batches = listBatches(db);
    return { isDemo: batches.length > 0 && batches.every((batch) => batch.isDemo), batches };
  },

  'queue.list': ({ batchId }, { db }) => ({ items: listQueue(db, batchId) }),

  'submission.open': ({ submissionId }, { db }) => {
    const submission = requireSubmission(db, submissionId);
    const credential = getCredential(db, submission.credentialId);
    const rubric = getRubricVersion(db, submission.rubricVersionId);
    if (!credential || !rubric) throw new DomainError('internal', 'The rubric for this submission is missing.');
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
      rubric,
      evidence: listEvidence(db, submissionId).map(toSummary),
      previousAttempts: listPreviousAttempts(db, submissionId),
      draft: { scores: draft.scores, updatedAt: draft.updatedAt },
    };
  },

  'draft.setScore': ({ submissionId, criterionId, level }, context) => {
    const submission = requireEditableCriterion(context.db, submissionId, criterionId);
    const rubric = getRubricVersion(context.db, submission.rubricVersionId);
    const criterion = rubric && allCriteria(rubric).find((candidate) => candidate.id === criterionId);
    if (level !== null && !criterion?.levels.some((candidate) => candidate.level === level)) {
      throw new DomainError('invalid_input', `Level ${level} is not a score level of that criterion.`);
    }
    const savedAt = context.now().toISOString();
    saveScore(context.db, submissionId, criterionId, level, savedAt);
    return afterEdit(context, submissionId, savedAt);
  },

  'draft.setRationale': ({ submissionId, criterionId, rationale }, context) => {
    requireEditableCriterion(context.db, submissionId, criterionId);
    const savedAt = context.now().toISOString();
    saveRationale(context.db, submissionId, criterionId, rationale, savedAt);
    return afterEdit(context, submissionId, savedAt);
  },
};
