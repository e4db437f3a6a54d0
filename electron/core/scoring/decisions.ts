import type { MethodOutput, ParsedInput } from '../../../shared/contract/methods';
import { defaultUndoWindowSeconds } from '../../../shared/domain/decision';
import type { DecisionPayload } from '../../../shared/domain/decision';
import { blockersFor } from '../../../shared/domain/decision-rules';
import { allCriteria } from '../../../shared/domain/rubric';
import type { Db } from '../db/database';
import { requestLimits } from '../../../shared/hosted-api/schemas';
import { DomainError } from '../contract/errors';
import { batchKindOf, nextUndecided } from '../repositories/batches';
import { getDecision, insertDecision, undoDecision as withdrawDecision } from '../repositories/decisions';
import { releaseAuditWith } from '../repositories/audit';
import { recordChange } from '../audit/record-change';
import { enqueueJob } from '../hosted/outbox/job';
import { decisionJob } from './outbox/decision';
import type { AuditChange } from '../../../shared/hosted-api/audit';
import { getDraft } from '../repositories/drafts';
import { readPreferences, writePreferences } from '../workspace/preferences';
import { requireEditable, requireSubmission } from './guards';
import { commentsOf, decisionSummary } from './submission-view';

type Machine = AuditChange['machine'];

/** A decision as the audit trail keeps it. */
const decisionValue = ({ outcome, conditionCode, note }: { outcome: string; conditionCode: string | null; note: string }): string => JSON.stringify({ outcome, conditionCode, note });


/**
 * Records a decision and queues it for the hosted API in one transaction. It waits out the undo
 * window before it may leave, so an undo in that time leaves the server untouched. The next
 * undecided submission of the batch becomes the open one (core decides; the renderer follows).
 */
export function submitDecision(db: Db, { submissionId, outcome, conditionCode, note }: ParsedInput<'decision.submit'>, now: Date, machine: Machine): MethodOutput<'decision.submit'> {
  const { submission, rubric } = requireEditable(db, submissionId);
  const kind = batchKindOf(db, submissionId);
  if (kind === 'master') throw new DomainError('conflict', 'Master scores are published with the calibration set, not decided one by one.');
  // An answer is final and is compared with the master criterion by criterion: it scores every one.
  if (kind === 'calibration' && outcome === 'flag') throw new DomainError('conflict', 'A calibration submission is answered with a level for every criterion; it cannot be flagged.');
  const draft = getDraft(db, submissionId);
  const comments = commentsOf(db, submissionId);
  // The renderer judges the same state with the same rule and explains what is missing; this refusal is the guard.
  if (blockersFor({ rubric, draft, comments }, outcome, conditionCode).length > 0) throw new DomainError('conflict', 'This decision cannot be submitted yet: the checklist shows what is missing.');
  const decidedAt = now.toISOString();
  const payload: DecisionPayload = {
    submissionId,
    rubricVersionId: rubric.id,
    outcome,
    conditionCode: outcome === 'flag' ? conditionCode : null,
    note,
    scores: allCriteria(rubric).map((criterion) => {
      const score = draft.scores.find((candidate) => candidate.criterionId === criterion.id);
      return { criterionId: criterion.id, level: score?.level ?? null, rationale: score?.rationale ?? '' };
    }),
    comments,
    feedback: { overall: draft.overallFeedback, components: draft.componentFeedback },
    activeMs: draft.activeMs,
    decidedAt,
    basedOn: draft.updatedAt,
  };
  assertWithinServerLimits(payload);
  const windowSeconds = readPreferences(db).undoWindowSeconds ?? defaultUndoWindowSeconds;
  const leavesAt = new Date(now.getTime() + windowSeconds * 1000).toISOString();
  db.transaction(() => {
    insertDecision(db, { submissionId, outcome, conditionCode: payload.conditionCode, note, rubricVersionId: rubric.id, decidedAt });
    // It waits out the undo window in the outbox (see outbox/decision.ts for what its acknowledgement settles).
    enqueueJob(db, decisionJob, { entityId: submissionId, payload, at: decidedAt, leavesAt });
    recordChange(db, { submissionId, kind: 'decision', target: null, before: null, after: decisionValue(payload), at: decidedAt }, machine);
    releaseAuditWith(db, submissionId, leavesAt); // the trail that led here leaves with it
  })();
  const nextSubmissionId = nextUndecided(db, submission.batchId, submission.position);
  if (nextSubmissionId) writePreferences(db, { openSubmissionId: nextSubmissionId }, decidedAt);
  return { decision: decisionSummary(db, submissionId, now)!, status: requireSubmission(db, submissionId).status, nextSubmissionId };
}

/** A decision the server would refuse for its size is refused here, while the assessor can still shorten it. */
function assertWithinServerLimits(payload: DecisionPayload): void {
  if (payload.comments.length > requestLimits.decisionComments) {
    throw new DomainError('conflict', `This decision carries ${payload.comments.length} comments; the server takes at most ${requestLimits.decisionComments} in one decision. Remove some first.`);
  }
  // The request as sent, with room for the machine's name and the JSON around it.
  const bytes = Buffer.byteLength(JSON.stringify(payload)) + 1024;
  if (bytes > requestLimits.bodyBytes) {
    throw new DomainError('conflict', `This decision is ${(bytes / 1024 / 1024).toFixed(1)} MB of comments and feedback; the server takes at most ${requestLimits.bodyBytes / 1024 / 1024} MB. Shorten or remove some comments first.`);
  }
}

/** Takes a decision back while it has not begun to leave; the submission is open and editable again. */
export function undoDecision(db: Db, submissionId: string, now: Date, machine: Machine): MethodOutput<'decision.undo'> {
  requireSubmission(db, submissionId);
  const decided = getDecision(db, submissionId);
  if (!decided) throw new DomainError('conflict', 'This submission has no decision to undo.');
  const undone = db.transaction(() => {
    if (!withdrawDecision(db, submissionId, now.toISOString())) return false;
    recordChange(db, { submissionId, kind: 'decision_undone', target: null, before: decisionValue(decided), after: null, at: now.toISOString() }, machine);
    return true;
  })();
  if (!undone) throw new DomainError('conflict', 'This decision has already left for sync and can no longer be undone.');
  writePreferences(db, { openSubmissionId: submissionId }, now.toISOString());
  return { status: requireSubmission(db, submissionId).status };
}
